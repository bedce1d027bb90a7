package pipeline

import (
	"slices"
	"strconv"

	"github.com/epistle-letters/epistle/internal/jsonindent"
	"github.com/epistle-letters/epistle/pipeline/document"
)

// indented is what json.Marshal then jsonindent.Indent write for s, byte for
// byte, written in one pass: on a long letter marshalling the skeleton by
// reflection and indenting it after was the longest step of saving it.
// TestSkeletonJSON compares the two, and fails when a field is added to the
// types written here without being written.
func (s skeleton) indented() []byte {
	w := jsonWriter{out: make([]byte, 0, 256)}
	w.open('{')
	w.field("letter", 1)
	w.str(s.Letter)
	w.comma()
	w.field("source", 1)
	w.str(s.Source)
	w.comma()
	w.field("encoding", 1)
	w.str(s.Encoding)
	if s.CRLF {
		w.comma()
		w.field("crlf", 1)
		w.raw("true")
	}
	if d := s.Document; d != nil {
		w.out = slices.Grow(w.out, len(d.Parts)*80)
		w.comma()
		w.field("format", 1)
		w.str(d.Format)
		w.comma()
		w.field("parts", 1)
		w.list(len(d.Parts), d.Parts == nil, 2, func(i int) { w.part(d.Parts[i], 2) })
		w.comma()
		w.field("blocks", 1)
		w.list(len(d.Blocks), d.Blocks == nil, 2, func(i int) { w.block(d.Blocks[i], 2) })
	}
	w.close('}', 0)
	return append(w.out, '\n')
}

// jsonWriter writes indented JSON as jsonindent.Indent lays it out.
type jsonWriter struct{ out []byte }

func (w *jsonWriter) newline(depth int) {
	w.out = append(w.out, '\n')
	for range depth {
		w.out = append(w.out, ' ', ' ')
	}
}

func (w *jsonWriter) open(c byte) { w.out = append(w.out, c) }

func (w *jsonWriter) close(c byte, depth int) {
	w.newline(depth)
	w.out = append(w.out, c)
}

func (w *jsonWriter) comma() { w.out = append(w.out, ',') }

func (w *jsonWriter) field(name string, depth int) {
	w.newline(depth)
	w.out = append(w.out, '"')
	w.out = append(w.out, name...)
	w.out = append(w.out, '"', ':', ' ')
}

func (w *jsonWriter) str(s string) { w.out = jsonindent.AppendString(w.out, s, true) }

func (w *jsonWriter) raw(s string) { w.out = append(w.out, s...) }

func (w *jsonWriter) int(n int) { w.out = strconv.AppendInt(w.out, int64(n), 10) }

// list writes n items at depth, each by item; null when isNil, [] when empty.
func (w *jsonWriter) list(n int, isNil bool, depth int, item func(i int)) {
	switch {
	case isNil:
		w.raw("null")
		return
	case n == 0:
		w.raw("[]")
		return
	}
	w.open('[')
	for i := range n {
		if i > 0 {
			w.comma()
		}
		w.newline(depth)
		item(i)
	}
	w.close(']', depth-1)
}

func (w *jsonWriter) part(p document.Part, depth int) {
	if p.Literal == "" && p.Sentence == nil {
		w.raw("{}")
		return
	}
	w.open('{')
	if p.Literal != "" {
		w.field("lit", depth+1)
		w.str(p.Literal)
	}
	if s := p.Sentence; s != nil {
		if p.Literal != "" {
			w.comma()
		}
		w.field("sentence", depth+1)
		w.open('{')
		w.field("id", depth+2)
		w.str(s.ID)
		if len(s.Tags) > 0 {
			w.comma()
			w.field("tags", depth+2)
			w.list(len(s.Tags), false, depth+3, func(i int) { w.tag(s.Tags[i], depth+3) })
		}
		if len(s.Breaks) > 0 {
			w.comma()
			w.field("breaks", depth+2)
			w.list(len(s.Breaks), false, depth+3, func(i int) { w.str(s.Breaks[i]) })
		}
		w.comma()
		w.field("block", depth+2)
		w.int(s.Block)
		w.close('}', depth+1)
	}
	w.close('}', depth)
}

func (w *jsonWriter) tag(t document.Tag, depth int) {
	w.open('{')
	w.field("name", depth+1)
	w.str(t.Name)
	w.comma()
	w.field("open", depth+1)
	w.str(t.Open)
	if t.Close != "" {
		w.comma()
		w.field("close", depth+1)
		w.str(t.Close)
	}
	if t.Kind != "" {
		w.comma()
		w.field("kind", depth+1)
		w.str(t.Kind)
	}
	w.close('}', depth)
}

func (w *jsonWriter) block(b document.Block, depth int) {
	w.open('{')
	w.field("kind", depth+1)
	w.str(b.Kind)
	w.comma()
	w.field("first", depth+1)
	w.int(b.First)
	w.comma()
	w.field("last", depth+1)
	w.int(b.Last)
	w.close('}', depth)
}
