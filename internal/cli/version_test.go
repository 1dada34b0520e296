package cli

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func TestVersionOf(t *testing.T) {
	t.Parallel()
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	tests := []struct {
		name    string
		version string
		set     []debug.BuildSetting
		want    string
	}{
		{"released", "v1.4.2", vcs("vcs.revision", "0123456789abcdef0123"), "v1.4.2"},
		{"checkout", "(devel)", vcs("vcs.revision", "0123456789abcdef0123", "vcs.time", "2026-11-30T10:00:00Z", "vcs.modified", "false"),
			"(devel) 0123456789ab 2026-11-30T10:00:00Z"},
		{"changed checkout", "(devel)", vcs("vcs.revision", "0123456789abcdef0123", "vcs.time", "2026-11-30T10:00:00Z", "vcs.modified", "true"),
			"(devel) 0123456789ab+dirty 2026-11-30T10:00:00Z"},
		{"no vcs", "(devel)", nil, "(devel)"},
		{"empty", "", nil, "(devel)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := &debug.BuildInfo{Main: debug.Module{Path: "github.com/glot-i18n/glot", Version: tt.version}, Settings: tt.set}
			if got := versionOf(info); got != tt.want {
				t.Errorf("versionOf = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFlagHelpSaysEachWordOnce reads the help of every flag of every
// command: the name shown after the flag must not open its description
// again ("--format text  text, json or html") nor stand in parentheses
// in it ("(L[,L...])").
func TestFlagHelpSaysEachWordOnce(t *testing.T) {
	t.Parallel()
	root := newRoot(&glot{})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().VisitAll(func(f *pflag.Flag) {
			name, usage := pflag.UnquoteUsage(f)
			if name == "" {
				return
			}
			if strings.HasPrefix(usage, name) || strings.Contains(usage, "("+name) {
				t.Errorf("%s --%s %s: %q repeats the name", c.CommandPath(), f.Name, name, usage)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
