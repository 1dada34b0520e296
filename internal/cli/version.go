package cli

import (
	"runtime/debug"

	"github.com/spf13/cobra"
)

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print glot's version",
		Long: `Version prints glot's version: its module version when it was installed with
go install, or else the commit it was built from and that commit's time.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			_, err := c.OutOrStdout().Write([]byte("glot version " + version() + "\n"))
			return err
		},
	}
}

// version is glot's version, as the Go toolchain recorded it in the binary.
func version() string {
	info, _ := debug.ReadBuildInfo()
	return versionOf(info)
}

// versionOf reads a version from build information. A binary built from a
// checkout, rather than installed at a released version, has the version
// "(devel)": its commit, with the commit's time and a mark if the work tree
// had changes, says more, when the toolchain recorded them.
func versionOf(info *debug.BuildInfo) string {
	if info == nil {
		return "(unknown)"
	}
	v := info.Main.Version
	if v != "" && v != "(devel)" {
		return v
	}
	var rev, at string
	dirty := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "(devel)"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	out := "(devel) " + rev
	if dirty {
		out += "+dirty"
	}
	if at != "" {
		out += " " + at
	}
	return out
}
