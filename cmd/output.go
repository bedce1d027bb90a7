package cmd

import (
	"bytes"
	"encoding/json"
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
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
