# Everyday targets. `make test` is what CI runs (see .ci/run).
GO ?= go
BIN := bin/epistle
DEMO := demo

.PHONY: build test bench demo lint goi18n-check fuzz dist cross

# The build names its version, commit and date (epistle version) from git,
# where there is a checkout: Go's own stamping is off wherever GOFLAGS holds
# -buildvcs=false, and then a bug report could not say which build it came from.
BUILDINFO := github.com/epistle-letters/epistle/internal/buildinfo
LDFLAGS := $(shell v=$$(git describe --tags --always --dirty 2>/dev/null) && \
	c=$$(git rev-parse HEAD) && d=$$(TZ=UTC0 git log -1 --date=format-local:%Y-%m-%dT%H:%M:%SZ --format=%cd) && \
	echo "-X $(BUILDINFO).version=$$v -X $(BUILDINFO).commit=$$c -X $(BUILDINFO).date=$$d")

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/epistle

# Unit tests, scripts, the fuzz corpora (they run as ordinary tests), vet,
# the race detector over the packages that run goroutines, and go-i18n's
# own tool reading the catalogs epistle writes.
test: build
	$(GO) vet ./...
	$(GO) test ./...
	$(GO) test -race ./pipeline/store/ ./pipeline/translate/ ./pipeline/openai/ ./pipeline/deepl/ ./pipeline/backendtest/ ./locales/
	$(GO) test -race ./pipeline/review/web/
	$(MAKE) --no-print-directory goi18n-check

# The sample letter, translated offline by the memory backend from the
# English edition that was published for it; no key, no network.
demo: build
	rm -rf $(DEMO) && mkdir -p $(DEMO)
	cp testdata/2023-06-3.ko.md testdata/2023-06-3.tm.tsv testdata/glossary.csv testdata/demo/epistle.toml $(DEMO)/
	cd $(DEMO) && ../$(BIN) translate 2023-06-3.ko.md
	cd $(DEMO) && ../$(BIN) export 2023-06-3.ko.md --lang en --include-unreviewed -o 2023-06-3.en.md
	cd $(DEMO) && ../$(BIN) export 2023-06-3.ko.md --lang en --include-unreviewed --bilingual --format html -o issue.html
	@echo "demo: $(DEMO)/2023-06-3.epistle/translate.en.toml, $(DEMO)/2023-06-3.en.md and $(DEMO)/issue.html"

# goi18n merge accepts the sample's catalogs: they are ordinary go-i18n files.
# After a reviewer edits and approves a sentence, go-i18n's documented merge
# of active.*.toml and translate.*.toml keeps the reviewed text, not the
# machine one (pipeline/review's TestGoi18nMergeKeepsApproval loads the
# result with i18n.Bundle).
goi18n-check: build
	@tmp=$$(mktemp -d) && trap 'rm -rf $$tmp' EXIT && \
	cp testdata/2023-06-3.ko.md testdata/2023-06-3.tm.tsv testdata/glossary.csv testdata/demo/epistle.toml $$tmp/ && \
	(cd $$tmp && $(CURDIR)/$(BIN) translate 2023-06-3.ko.md >/dev/null) && \
	mkdir -p $$tmp/merged && \
	$(GO) tool goi18n merge -sourceLanguage ko -outdir $$tmp/merged $$tmp/2023-06-3.epistle/active.ko.toml $$tmp/2023-06-3.epistle/translate.en.toml && \
	(cd $$tmp && printf 's\ne\nHallelujah! Praise the Lord!\nq\n' | $(CURDIR)/$(BIN) review 2023-06-3.ko.md --lang en --interactive >/dev/null 2>&1) && \
	for i in 1 2 3 4 5 6; do \
		rm -rf $$tmp/merged && mkdir -p $$tmp/merged && \
		$(GO) tool goi18n merge -sourceLanguage ko -outdir $$tmp/merged $$tmp/2023-06-3.epistle/active.*.toml $$tmp/2023-06-3.epistle/translate.*.toml && \
		grep -q '^other = "Hallelujah! Praise the Lord!"$$' $$tmp/merged/active.en.toml || \
		{ echo "goi18n merge: the machine text came back over the reviewed one" >&2; exit 1; }; \
	done && \
	echo "goi18n merge: ok"

# Segmentation, glossary matching, a full translate run against the
# local fake service, and whole commands on letters of 1k, 5k and 10k
# sentences (README has the figures).
bench: build
	$(GO) test -run '^$$' -bench 'Split|Match|Segment' -benchmem ./pipeline/segment/ ./glossary/
	$(GO) test -run '^$$' -bench Translate -benchtime 1x ./pipeline/translate/
	EPISTLE_BIN=$(CURDIR)/$(BIN) $(GO) test -run '^$$' -bench 'Command' -benchtime 1x -count 3 -timeout 30m ./cmd/epistle/
	EPISTLE_BIN=$(CURDIR)/$(BIN) $(GO) test -run '^$$' -bench 'Startup' -benchtime 20x -count 3 ./cmd/epistle/
	# the review page of a 1,000-sentence letter: first byte, whole page, one approval
	$(GO) test -run '^$$' -bench 'Page|Approve' -benchtime 10x ./pipeline/review/web/

# Fuzz the document model and the segmenter for a while, then the one
# hand-written replacement of a standard decoder (the catalog reader, and
# the TOML strings it reads) against it.
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzRoundTrip$$' -fuzztime 60s ./pipeline/document/
	$(GO) test -run '^$$' -fuzz '^FuzzSplit$$' -fuzztime 60s ./pipeline/segment/
	$(GO) test -run '^$$' -fuzz '^FuzzUnquote$$' -fuzztime 20s ./internal/tomlstring/
	$(GO) test -run '^$$' -fuzz '^FuzzParseMarshaled$$' -fuzztime 20s ./pipeline/catalog/

# gofmt, vet, a tidy go.mod, staticcheck, and no unreachable function
# (deadcode counts the tests as callers). Tools run pinned, no install.
lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...
	$(GO) mod tidy -diff
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
	@out=$$($(GO) run golang.org/x/tools/cmd/deadcode@v0.52.0 -test ./...) && test -z "$$out" || { echo "$$out"; echo "deadcode: unreachable functions"; exit 1; }

# Release archives (issue 24): GoReleaser, pinned and run without installing
# it, builds linux, macOS (amd64, arm64) and windows/amd64 into dist/ with
# dist/checksums.txt; see .goreleaser.yaml. The version is the tag, or
# `git describe` between tags (-dirty with uncommitted changes); every date is
# the commit's, so the same commit gives the same archives. The host's binary
# is unpacked and must say the version it was built as.
GORELEASER := github.com/goreleaser/goreleaser/v2@v2.17.0
DIST_VERSION = $(shell git describe --tags --always --dirty)
dist:
	EPISTLE_VERSION=$(DIST_VERSION) \
	EPISTLE_COMMIT=$$(git rev-parse HEAD) \
	EPISTLE_DATE=$$(TZ=UTC0 git log -1 --date=format-local:%Y-%m-%dT%H:%M:%SZ --format=%cd) \
	EPISTLE_EPOCH=$$(git log -1 --format=%ct) \
	$(GO) run $(GORELEASER) release --snapshot --clean
	@tmp=$$(mktemp -d) && trap 'rm -rf $$tmp' EXIT && \
	tar -xzf dist/epistle_$(DIST_VERSION)_$$($(GO) env GOOS)_$$($(GO) env GOARCH).tar.gz -C $$tmp && \
	$$tmp/epistle version | tee $$tmp/version && \
	grep -qx 'epistle $(DIST_VERSION)' $$tmp/version || { echo "dist: the binary does not say it is $(DIST_VERSION)" >&2; exit 1; }
	@cat dist/checksums.txt

# Windows and macOS keep compiling (issue 24): the command for both, vet,
# which type-checks every package with its tests, and every test binary
# linked for Windows, so a test that only builds on Linux (syscall.Kill,
# Rusage.Maxrss) fails here, not on a volunteer's machine.
cross:
	GOOS=windows GOARCH=amd64 $(GO) build -o /dev/null ./cmd/epistle
	GOOS=darwin GOARCH=arm64 $(GO) build -o /dev/null ./cmd/epistle
	GOOS=windows GOARCH=amd64 $(GO) vet ./...
	GOOS=darwin GOARCH=arm64 $(GO) vet ./...
	@tmp=$$(mktemp -d) && trap 'rm -rf $$tmp' EXIT && \
	GOOS=windows GOARCH=amd64 $(GO) test -c -o $$tmp/ ./... >/dev/null && \
	echo "cross: every package's tests compile and link for windows/amd64"
