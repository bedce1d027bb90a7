package cmd

import (
	"bytes"
	"errors"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/text/language"

	"github.com/epistle-letters/epistle/locales"
)

func TestFlagProblem(t *testing.T) {
	tests := []struct {
		args   []string
		en, ko string
	}{
		{[]string{"--nope"}, "unknown flag: --nope", "알 수 없는 플래그입니다: --nope"},
		{[]string{"-xj"}, "unknown flag -x in -xj", "-xj 안의 -x는 알 수 없는 플래그입니다"},
		{[]string{"--jobs"}, "--jobs needs a value", "--jobs 플래그에는 값이 필요합니다"},
		{[]string{"--jobs", "many"}, `invalid value 'many' for --jobs: strconv.ParseInt: parsing "many": invalid syntax`,
			`--jobs 플래그에 'many'는 쓸 수 없습니다: strconv.ParseInt: parsing "many": invalid syntax`},
		{[]string{"---x"}, "bad flag syntax: ---x", "플래그 형식이 잘못되었습니다: ---x"},
	}
	for _, tt := range tests {
		fs := pflag.NewFlagSet("translate", pflag.ContinueOnError)
		fs.SetOutput(&bytes.Buffer{})
		fs.IntP("jobs", "j", 4, "")
		err := fs.Parse(tt.args)
		if err == nil {
			t.Fatalf("%v: parsed without error", tt.args)
		}
		m := flagProblem(err)
		if got := locales.English.ErrorText(m); got != tt.en {
			t.Errorf("%v: English %q, want %q", tt.args, got, tt.en)
		}
		if got := locales.NewPrinter(language.Korean).ErrorText(m); got != tt.ko {
			t.Errorf("%v: Korean %q, want %q", tt.args, got, tt.ko)
		}
	}
}

// A required flag left out is a usage error in the reader's language, and
// it is found before the command's own argument check.
func TestRequiredFlagIsUsageError(t *testing.T) {
	var out bytes.Buffer
	o := &IO{Out: &out, Err: &out, Printer: locales.NewPrinter(language.Korean)}
	root := &cobra.Command{Use: "epistle", SilenceErrors: true, SilenceUsage: true}
	root.PersistentFlags().String("ui-lang", "", "")
	approve := &cobra.Command{Use: "approve FILE", Args: exactArgs(1), RunE: func(*cobra.Command, []string) error { return nil }}
	approve.Flags().String("lang", "", "")
	if err := approve.MarkFlagRequired("lang"); err != nil {
		t.Fatal(err)
	}
	root.AddCommand(approve)
	localizeHelp(root, o)

	root.SetArgs([]string{"approve"})
	err := root.Execute()
	var ue *usageError
	if !errors.As(err, &ue) {
		t.Fatalf("error %v is not a usage error", err)
	}
	if got, want := o.Printer.ErrorText(err), "epistle approve 명령에는 --lang 플래그가 필요합니다"; got != want {
		t.Errorf("error %q, want %q", got, want)
	}

	root.SetArgs([]string{"approve", "letter.ko.md", "--lang", "en"})
	if err := root.Execute(); err != nil {
		t.Errorf("with --lang given: %v", err)
	}
}

// Every command has Examples with real invocations, and a Short, a Long and
// flag descriptions in Korean that are not the English ones.
func TestEveryCommandIsDocumented(t *testing.T) {
	en := newRootCmd(&IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}, Printer: locales.NewPrinter(language.English)})
	ko := newRootCmd(&IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}, Printer: locales.NewPrinter(language.Korean)})
	en.InitDefaultHelpCmd()
	ko.InitDefaultHelpCmd()
	var walk func(en, ko *cobra.Command)
	walk = func(en, ko *cobra.Command) {
		for _, c := range en.Commands() {
			k, _, err := ko.Find([]string{c.Name()})
			if err != nil || k == nil || k.Name() != c.Name() {
				t.Errorf("%s: no Korean twin", c.CommandPath())
				continue
			}
			walk(c, k)
			if c.Short == "" || c.Short == k.Short {
				t.Errorf("%s: Short %q has no Korean translation", c.CommandPath(), c.Short)
			}
			if c.Long != "" && c.Long == k.Long {
				t.Errorf("%s: Long has no Korean translation", c.CommandPath())
			}
			if c.Runnable() && c.Example == "" {
				t.Errorf("%s has no Examples", c.CommandPath())
			}
			c.LocalFlags().VisitAll(func(f *pflag.Flag) {
				if kf := k.LocalFlags().Lookup(f.Name); kf == nil || kf.Usage == f.Usage {
					t.Errorf("%s --%s: usage %q has no Korean translation", c.CommandPath(), f.Name, f.Usage)
				}
			})
		}
	}
	walk(en, ko)
}
