package main

// Whole commands on generated letters of 1k, 5k and 10k sentences, as a user
// runs them: a fresh process each time, time per run, the CPU time the
// process used (cpu-ms, user and system: steadier than the time on a shared
// machine) and its peak memory (peak-KB, the largest resident set). `make bench` runs them; the
// README's scaling table comes from them. Linear commands show a 5k/1k ratio
// near 5 and a 10k/5k ratio near 2.

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/epistle-letters/epistle/pipeline/catalog"
)

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
)

// epistleBinary builds the command once per benchmark run, or takes the one
// EPISTLE_BIN names (make bench passes bin/epistle).
func epistleBinary(b *testing.B) string {
	buildOnce.Do(func() {
		if binary = os.Getenv("EPISTLE_BIN"); binary != "" {
			binary, buildErr = filepath.Abs(binary)
			return
		}
		dir, err := os.MkdirTemp("", "epistle-bench")
		if err != nil {
			buildErr = err
			return
		}
		binary = filepath.Join(dir, "epistle")
		out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		b.Fatal(buildErr)
	}
	return binary
}

// generatedLetter is a Korean prayer letter of n sentences: paragraphs of
// five under a heading every hundred, with the numbers, quotes and
// abbreviations letters have, and a sentence repeated every fifty.
func generatedLetter(n int) string {
	places := []string{"서울", "부산", "연변", "단둥", "방콕", "울란바토르", "하노이"}
	var sb strings.Builder
	for i := range n {
		if i%100 == 0 {
			fmt.Fprintf(&sb, "## %d월 소식\n\n", i/100+1)
		}
		switch {
		case i%50 == 49:
			sb.WriteString("함께 기도해 주셔서 감사합니다.")
		case i%3 == 0:
			fmt.Fprintf(&sb, "%s에서 %d명의 형제자매가 예배에 참석했습니다.", places[i%len(places)], i)
		case i%3 == 1:
			fmt.Fprintf(&sb, "\"주님의 은혜로 %d번째 모임을 마쳤습니다\"라고 김 선교사님이 전했습니다.", i)
		default:
			fmt.Fprintf(&sb, "%s의 %d가정이 건강하게 지내도록 기도해 주세요!", places[(i/3)%len(places)], i%40+1)
		}
		if i%5 == 4 {
			sb.WriteString("\n\n")
		} else {
			sb.WriteString(" ")
		}
	}
	return sb.String()
}

var (
	number  = regexp.MustCompile(`\d+`)
	heading = regexp.MustCompile("(?m)^## .*\n\n")
)

// machineCatalog is translate.en.toml for the letter's source catalog: a
// translation of every sentence that passes QA (it keeps the numbers).
func machineCatalog(b *testing.B, dir string) []byte {
	data, err := os.ReadFile(filepath.Join(dir, "letter.epistle", "active.ko.toml"))
	if err != nil {
		b.Fatal(err)
	}
	src, err := catalog.Parse("active.ko.toml", data)
	if err != nil {
		b.Fatal(err)
	}
	out := &catalog.Catalog{}
	for _, m := range src.Messages {
		text := "Thank you for praying with us"
		if nums := number.FindAllString(m.Other, -1); len(nums) > 0 {
			text = "From the field, report " + strings.Join(nums, " and ") +
				": our brothers and sisters gathered to worship and pray"
		}
		if end := m.Other[len(m.Other)-1]; end == '.' || end == '!' {
			text += string(end)
		}
		out.Set(&catalog.Message{ID: m.ID, Description: "openai gpt-4o-mini", Hash: catalog.Hash(m.Description, m.Other), Other: text})
	}
	return out.Marshal("")
}

// usage is what one run of a command used.
type usage struct {
	peakKB int64
	cpu    time.Duration
}

// run runs the command in dir and returns what it used.
func run(b *testing.B, dir string, args ...string) usage {
	cmd := exec.Command(epistleBinary(b), args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = nil, &stderr
	cmd.Env = append(os.Environ(), "LANG=en_US.UTF-8", "NO_COLOR=1")
	if err := cmd.Run(); err != nil {
		b.Fatalf("epistle %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return usage{peakKB: peakKB(cmd.ProcessState), cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
}

func write(b *testing.B, path, text string) {
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkCommand times each command on letters of 1k, 5k and 10k
// sentences, from the state a user has when running it.
func BenchmarkCommand(b *testing.B) {
	for _, n := range []int{1000, 5000, 10000} {
		letter := generatedLetter(n)
		edited := "처음 문장을 고쳐 썼습니다. " + strings.TrimSuffix(letter, " ") + "\n\n마지막에 한 문장을 더했습니다.\n"
		// every sentence edited: a letter gone over from top to bottom,
		// where no sentence stayed as it was to anchor the alignment
		reword := strings.NewReplacer("니다.", "니다!", "세요!", "세요.")
		reworded := reword.Replace(letter)
		// the same without headings: nothing at all to anchor on, the
		// whole letter one changed stretch
		plain := heading.ReplaceAllString(letter, "")
		plainReworded := reword.Replace(plain)
		// prepared is a folder with the letter segmented and machine
		// translated, nothing approved.
		prepared := b.TempDir()
		write(b, filepath.Join(prepared, "epistle.toml"), "source = \"ko\"\ntargets = [\"en\"]\n")
		write(b, filepath.Join(prepared, "letter.ko.md"), letter)
		run(b, prepared, "segment", "letter.ko.md")
		machine := machineCatalog(b, prepared)
		write(b, filepath.Join(prepared, "letter.epistle", "translate.en.toml"), string(machine))
		approved := filepath.Join(prepared, "letter.epistle", "active.en.toml")

		commands := []struct {
			name  string
			setup func(b *testing.B, dir string)
			args  []string
		}{
			{"segment", func(b *testing.B, dir string) { os.RemoveAll(filepath.Join(dir, "letter.epistle")) }, []string{"segment", "letter.ko.md"}},
			{"status", nil, []string{"status"}},
			{"review-json", nil, []string{"review", "letter.ko.md", "--lang", "en", "--json"}},
			{"approve-all", func(b *testing.B, dir string) {
				os.Remove(approved)
				os.Remove(filepath.Join(dir, "letter.epistle", "review.en.json"))
			}, []string{"approve", "letter.ko.md", "--lang", "en", "--all"}},
			{"check", nil, []string{"check", "letter.ko.md"}},
			{"export-bilingual", nil, []string{"export", "letter.ko.md", "--lang", "en", "--bilingual", "--include-unreviewed"}}, // to stdout
			{"resegment-edit-both-ends", func(b *testing.B, dir string) {
				write(b, filepath.Join(dir, "letter.ko.md"), letter)
				run(b, dir, "segment", "letter.ko.md")
				write(b, filepath.Join(dir, "letter.ko.md"), edited)
			}, []string{"segment", "letter.ko.md"}},
			{"resegment-every-sentence-edited", func(b *testing.B, dir string) {
				write(b, filepath.Join(dir, "letter.ko.md"), letter)
				run(b, dir, "segment", "letter.ko.md")
				write(b, filepath.Join(dir, "letter.ko.md"), reworded)
			}, []string{"segment", "letter.ko.md"}},
			{"resegment-every-sentence-edited-no-heading", func(b *testing.B, dir string) {
				write(b, filepath.Join(dir, "letter.ko.md"), plain)
				run(b, dir, "segment", "letter.ko.md")
				write(b, filepath.Join(dir, "letter.ko.md"), plainReworded)
			}, []string{"segment", "letter.ko.md"}},
		}
		for _, c := range commands {
			b.Run(fmt.Sprintf("%s/%dk", c.name, n/1000), func(b *testing.B) {
				dir := prepared
				if c.setup != nil {
					dir = b.TempDir()
					if err := os.CopyFS(dir, os.DirFS(prepared)); err != nil {
						b.Fatal(err)
					}
				}
				var peak int64
				var cpu time.Duration
				for b.Loop() {
					if c.setup != nil {
						b.StopTimer()
						c.setup(b, dir)
						b.StartTimer()
					}
					u := run(b, dir, c.args...)
					peak, cpu = max(peak, u.peakKB), cpu+u.cpu
				}
				b.ReportMetric(float64(peak), "peak-KB")
				b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
			})
		}
	}
}

// BenchmarkSegmentCommand is `segment FILE --json` on a 10 MiB letter, from
// a folder with no state: decoding, parsing, splitting, ids, writing the
// catalog and skeleton and printing the JSON. MB/s is of the letter.
func BenchmarkSegmentCommand(b *testing.B) {
	letter := generatedLetter(131_000) // 10.2 MiB
	dir := b.TempDir()
	write(b, filepath.Join(dir, "epistle.toml"), "source = \"ko\"\ntargets = [\"en\"]\n")
	write(b, filepath.Join(dir, "letter.ko.md"), letter)
	b.SetBytes(int64(len(letter)))
	var peak int64
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		os.RemoveAll(filepath.Join(dir, "letter.epistle"))
		b.StartTimer()
		u := run(b, dir, "segment", "letter.ko.md", "--json")
		peak, cpu = max(peak, u.peakKB), cpu+u.cpu
	}
	b.ReportMetric(float64(peak), "peak-KB")
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
}

// BenchmarkStartup is what a command costs before any real work: --help,
// and status and segment in a folder with the one-page sample letter,
// segmented (the rules are read from their TOML on first use).
func BenchmarkStartup(b *testing.B) {
	letter, err := os.ReadFile("../../testdata/2023-06-3.ko.md")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	write(b, filepath.Join(dir, "epistle.toml"), "source = \"ko\"\ntargets = [\"en\"]\n")
	write(b, filepath.Join(dir, "letter.ko.md"), string(letter))
	run(b, dir, "segment", "letter.ko.md")
	for _, args := range [][]string{{"--help"}, {"status"}, {"segment", "letter.ko.md"}} {
		b.Run(args[0], func(b *testing.B) {
			var cpu time.Duration
			for b.Loop() {
				cpu += run(b, dir, args...).cpu
			}
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
