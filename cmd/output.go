package cmd

import (
	"encoding/json"
)

// writeJSON prints v as indented JSON on stdout: the stable, machine-readable
// form of a command's result.
func writeJSON(o *IO, v any) error {
	enc := json.NewEncoder(o.Out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
