package cmd

import (
	"github.com/spf13/cobra"

	"github.com/epistle-letters/epistle/internal/buildinfo"
)

// newVersionCmd prints which build this is; `epistle --version` prints the
// same text (see versionText and newRootCmd).
func newVersionCmd(o *IO) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   o.Printer.T("version.short"),
		Long:    o.Printer.T("version.long"),
		Example: o.Printer.T("version.example"),
		Args:    exactArgs(0),
		RunE: func(c *cobra.Command, args []string) error {
			_, err := o.Out.Write([]byte(versionText(o, buildinfo.Read())))
			return err
		},
	}
}

// versionText says, one field a line, what a bug report should name.
func versionText(o *IO, info buildinfo.Info) string {
	unknown := o.Printer.T("version.unknown")
	v := info.Version
	if v == "" {
		v = o.Printer.T("version.devel")
	}
	commit, date := info.Commit, info.Date
	if commit == "" {
		commit = unknown
	} else if info.Dirty {
		commit = o.Printer.T("version.dirty", "Commit", commit)
	}
	if date == "" {
		date = unknown
	}
	return o.Printer.T("version.text", "Version", v, "Commit", commit, "Date", date,
		"Go", info.Go, "Platform", info.OS+"/"+info.Arch) + "\n"
}
