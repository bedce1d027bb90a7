# Everyday targets. `make test` is what CI runs (see .ci/run).
GO ?= go
BIN := bin/epistle

.PHONY: build test bench demo lint fuzz

build:
	$(GO) build -o $(BIN) ./cmd/epistle

test:
	$(GO) vet ./...
	$(GO) test ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@2025.1.1 ./...
