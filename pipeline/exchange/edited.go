package exchange

import (
	"errors"
	"io/fs"
	"os"

	"github.com/epistle-letters/epistle/locales"
)

// ReadEdited reads the file a translator sent back, before anything of the
// letter is touched, so that a wrong name changes nothing on disk. Its
// format is f, or when f is "" the one its extension names. The error is a
// *locales.Message for a person: an extension that names no format, a TMX
// file ([RefuseTMX]), a file that is not there, a file that cannot be read.
func ReadEdited(path string, f Format) ([]byte, Format, error) {
	if f == "" {
		var ok bool
		if f, ok = FormatOf(path); !ok {
			return nil, "", locales.New("exchange.import.format", "Path", path).WithHint("exchange.import.format.hint")
		}
	}
	if f == TMX {
		return nil, "", RefuseTMX(path)
	}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, "", locales.New("exchange.import.missing", "Path", path)
	case err != nil:
		return nil, "", locales.New("letter.read", "Path", path).Wrap(err)
	}
	return data, f, nil
}

// RefuseTMX refuses to read back a TMX file, and says what one is for: a
// translation memory, listed in epistle.toml's tm = [...], not a file of
// reviewed translations.
func RefuseTMX(path string) *locales.Message {
	return locales.New("exchange.import.format", "Path", path).WithHint("exchange.import.tmx.hint")
}
