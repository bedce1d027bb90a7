package cmd

import (
	"bytes"
	"encoding/json"

	"github.com/epistle-letters/epistle/internal/jsonindent"
)

// writeJSON prints v as indented JSON on stdout: the stable, machine-readable
// form of a command's result.
func writeJSON(o *IO, v any) error {
	data, err := marshalJSON(v)
	if err != nil {
		return err
	}
	_, err = o.Out.Write(data)
	return err
}

// marshalJSON is what writeJSON prints.
func marshalJSON(v any) ([]byte, error) {
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return jsonindent.Indent(compact.Bytes()), nil
}
