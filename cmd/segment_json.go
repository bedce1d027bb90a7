package cmd

import (
	"strconv"

	"github.com/epistle-letters/epistle/internal/jsonindent"
	"github.com/epistle-letters/epistle/pipeline"
)

// segmentJSON is what marshalJSON writes for list, byte for byte, written
// directly: on a long letter the reflection of encoding/json and the second
// pass that indents were a tenth of `segment --json`.
func segmentJSON(list *pipeline.SegmentList) []byte {
	out := make([]byte, 0, 64+len(list.Segments)*160)
	out = append(out, "{\n  \"source\": "...)
	out = jsonindent.AppendString(out, list.Source, false)
	out = append(out, ",\n  \"segments\": "...)
	switch {
	case list.Segments == nil:
		out = append(out, "null"...)
	case len(list.Segments) == 0:
		out = append(out, "[]"...)
	default:
		out = append(out, '[')
		for i, s := range list.Segments {
			if i > 0 {
				out = append(out, ',')
			}
			out = append(out, "\n    {\n      \"id\": "...)
			out = jsonindent.AppendString(out, s.ID, false)
			out = append(out, ",\n      \"block\": "...)
			out = jsonindent.AppendString(out, s.Block, false)
			out = append(out, ",\n      \"text\": "...)
			out = jsonindent.AppendString(out, s.Text, false)
			out = append(out, ",\n      \"terms\": "...)
			out = appendTerms(out, s)
			out = append(out, "\n    }"...)
		}
		out = append(out, "\n  ]"...)
	}
	return append(out, "\n}\n"...)
}

func appendTerms(out []byte, s pipeline.SegmentView) []byte {
	switch {
	case s.Terms == nil:
		return append(out, "null"...)
	case len(s.Terms) == 0:
		return append(out, "[]"...)
	}
	out = append(out, '[')
	for i, t := range s.Terms {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, "\n        {\n          \"source\": "...)
		out = jsonindent.AppendString(out, t.Source, false)
		out = append(out, ",\n          \"target\": "...)
		out = jsonindent.AppendString(out, t.Target, false)
		out = append(out, ",\n          \"kind\": "...)
		out = jsonindent.AppendString(out, string(t.Kind), false)
		out = append(out, ",\n          \"start\": "...)
		out = strconv.AppendInt(out, int64(t.Start), 10)
		out = append(out, ",\n          \"end\": "...)
		out = strconv.AppendInt(out, int64(t.End), 10)
		out = append(out, "\n        }"...)
	}
	return append(out, "\n      ]"...)
}
