package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// glot serve refuses an address that other machines could reach, before
// it builds anything, unless --public is given.
func TestServeAddr(t *testing.T) {
	dir := t.TempDir()
	if code := Run([]string{"-C", dir, "init", "--lang", "es"}, &bytes.Buffer{}, &bytes.Buffer{}); code != 0 {
		t.Fatalf("init: exit %d", code)
	}
	if code := Run([]string{"-C", dir, "extract"}, &bytes.Buffer{}, &bytes.Buffer{}); code != 0 {
		t.Fatalf("extract: exit %d", code)
	}
	tests := []struct {
		addr   string
		stderr string
	}{
		{"0.0.0.0:0", "--addr 0.0.0.0:0 means every network interface: other machines could reach the preview; give --public to allow that"},
		{":0", "--addr :0 means every network interface"},
		{"[::]:0", "--addr [::]:0 means every network interface"},
		{"192.168.1.10:0", "--addr 192.168.1.10:0 is not a loopback address"},
		{"1313", `--addr "1313" is not HOST:PORT`},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := make(chan int, 1)
			// Were the address accepted, serve would run until stopped.
			go func() { code <- Run([]string{"-C", dir, "serve", "--addr", tt.addr}, &out, &errb) }()
			select {
			case c := <-code:
				if c != exitUsage || !strings.Contains(errb.String(), tt.stderr) || strings.Count(errb.String(), "\n") != 1 {
					t.Errorf("exit %d, stderr %q; want exit %d and one line with %q", c, errb.String(), exitUsage, tt.stderr)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("glot serve --addr %s is serving", tt.addr)
			}
			if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
				t.Error("the site was built for a refused address")
			}
		})
	}

	// With --public the address is accepted, and the user is warned; an
	// empty folder stops the command right after, at its missing site.
	var errb bytes.Buffer
	code := Run([]string{"-C", t.TempDir(), "serve", "--public", "--addr", "0.0.0.0:0"}, &bytes.Buffer{}, &errb)
	if code != exitError || !strings.Contains(errb.String(), "glot serve: warning: listening on 0.0.0.0:0, which means every network interface: the preview is reachable from other machines") || !strings.Contains(errb.String(), "no glot.toml") {
		t.Errorf("--public: exit %d, stderr %q; want the warning, then the missing site", code, errb.String())
	}
}
