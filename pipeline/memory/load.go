package memory

import (
	"bytes"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/exchange"
	"github.com/epistle-letters/epistle/pipeline/translate"
)

// LoadTSV reads sentence pairs from a UTF-8 file with one pair a line, the
// source sentence and its translation separated by a tab. Blank lines and
// lines starting with # are skipped. A malformed line is an error naming
// the file and line.
func LoadTSV(path string) ([]translate.Example, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, locales.New("memory.read", "Path", path).Wrap(err).WithHint("memory.read.hint")
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var pairs []translate.Example
	for i, line := range strings.Split(string(data), "\n") {
		n := i + 1
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !utf8.ValidString(line) {
			return nil, locales.New("memory.encoding", "Path", path, "Line", n).WithHint("memory.encoding.hint")
		}
		fields := strings.Split(line, "\t")
		got := 0
		for _, f := range fields {
			if strings.TrimSpace(f) != "" {
				got++
			}
		}
		if len(fields) != 2 || got != 2 {
			return nil, locales.New("memory.row", "Path", path, "Line", n, "Got", got).WithHint("memory.row.hint")
		}
		pairs = append(pairs, translate.Example{Source: strings.TrimSpace(fields[0]), Target: strings.TrimSpace(fields[1])})
	}
	if len(pairs) == 0 {
		return nil, locales.New("memory.none", "Path", path).WithHint("memory.row.hint")
	}
	return pairs, nil
}

// LoadTMX reads the sentence pairs from src to tgt out of a TMX file, as
// [exchange.ReadTMX] does.
func LoadTMX(path string, src, tgt language.Tag) ([]translate.Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, locales.New("memory.read", "Path", path).Wrap(err).WithHint("memory.read.hint")
	}
	defer f.Close()
	read, err := exchange.ReadTMX(f, src, tgt)
	if err != nil {
		return nil, locales.New("memory.tmx", "Path", path, "Err", err).WithHint("memory.tmx.hint")
	}
	if len(read) == 0 {
		return nil, locales.New("memory.empty", "Path", path, "Source", src, "Target", tgt).WithHint("memory.empty.hint")
	}
	pairs := make([]translate.Example, len(read))
	for i, p := range read {
		pairs[i] = translate.Example{Source: p.Source, Target: p.Target}
	}
	return pairs, nil
}
