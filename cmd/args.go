package cmd

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
	"github.com/epistle-letters/epistle/pipeline/store"
)

// exactArgs is cobra.ExactArgs with epistle's usage error, so a wrong count
// exits 2 and says what the command takes.
func exactArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != n {
			return usage("usage.args", "Command", c.CommandPath(), "Want", n, "Got", len(args), "Use", c.UseLine())
		}
		return nil
	}
}

// rangeArgs accepts between min and max arguments.
func rangeArgs(min, max int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < min || len(args) > max {
			return usage("usage.args.range", "Command", c.CommandPath(), "Min", min, "Max", max, "Got", len(args), "Use", c.UseLine())
		}
		return nil
	}
}

// langFlag is a language flag (--lang) read into a language.Tag as the
// command line is parsed: the core only ever sees tags, and an unknown
// language is a usage error before the command runs. Not given, or given
// empty, it is language.Und: the command's default applies.
type langFlag struct {
	name string // --lang
	tag  *language.Tag
}

// langVar defines the flag --name, read into tag.
func langVar(fs *pflag.FlagSet, tag *language.Tag, name, usage string) {
	fs.Var(langFlag{"--" + name, tag}, name, usage)
}

func (f langFlag) Set(value string) (err error) {
	*f.tag, err = parseLang(f.name, value)
	return err
}

func (f langFlag) String() string {
	if *f.tag == language.Und {
		return ""
	}
	return f.tag.String()
}

// Type names the value in help as a string flag's, "--lang string".
func (f langFlag) Type() string { return "string" }

// langsFlag is a flag of language lists (--to en,ja), read into tags: each
// use adds its comma-separated languages.
type langsFlag struct {
	name string
	tags *[]language.Tag
}

// langsVar defines the flag --name, read into tags.
func langsVar(fs *pflag.FlagSet, tags *[]language.Tag, name, usage string) {
	fs.Var(langsFlag{"--" + name, tags}, name, usage)
}

func (f langsFlag) Set(value string) error {
	if value == "" {
		return nil
	}
	for _, part := range strings.Split(value, ",") {
		tag, err := parseLang(f.name, part)
		if err != nil {
			return err
		}
		*f.tags = append(*f.tags, tag)
	}
	return nil
}

func (f langsFlag) String() string {
	var names []string
	for _, t := range *f.tags {
		names = append(names, t.String())
	}
	return strings.Join(names, ",")
}

// Type is a string slice flag's, so that help says "--to strings" and
// completion offers the flag again.
func (f langsFlag) Type() string { return "stringSlice" }

// parseLang reads one language of flag; "" is language.Und.
func parseLang(flag, value string) (language.Tag, error) {
	if value == "" {
		return language.Und, nil
	}
	tag, err := store.ParseLang(value)
	if err != nil {
		return language.Und, &usageError{locales.New("usage.lang", "Flag", flag, "Lang", value).WithHint("lang.hint")}
	}
	return tag, nil
}
