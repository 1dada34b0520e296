package glottest

// The tools of the trade that glot's tests run on its output: gettext,
// xmllint, Translate Toolkit, polib and lxml under Python, and headless
// Chromium. .ci/run installs each from Debian; a test that needs one the
// machine lacks fails, naming the package, rather than passing unseen.
//
//	py := glottest.Python(t, "polib")
//	out := glottest.Run(t, py, "fill.py", "es.po")

import (
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
)

// packages names the Debian package of each tool and Python module.
var packages = map[string]string{
	"xmllint":   "libxml2-utils",
	"msgfmt":    "gettext",
	"msgconv":   "gettext",
	"msginit":   "gettext",
	"msgmerge":  "gettext",
	"msgcat":    "gettext",
	"po2xliff":  "translate-toolkit",
	"xliff2po":  "translate-toolkit",
	"po2tmx":    "translate-toolkit",
	"pot2po":    "translate-toolkit",
	"polib":     "python3-polib",
	"lxml":      "python3-lxml",
	"translate": "translate-toolkit",
}

// Tool returns the path of the program name, or fails t naming the
// package that has it.
func Tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is needed (Debian: apt-get install %s): %v", name, packages[name], err)
	}
	return p
}

// Chromium returns the path of a Chromium or Chrome to run headless:
// $GLOT_CHROME, else Debian's chromium, which .ci/run installs, or another
// on PATH; or fails t naming the package.
func Chromium(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("GLOT_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("the browser test needs Chromium (Debian: apt-get install chromium), or GLOT_CHROME set to a Chrome")
	return ""
}

var pythons sync.Map // the modules asked for -> the interpreter found

// Python returns a Python 3 interpreter that can import every one of
// modules: the one on PATH, or the system's own, where Debian installs
// its python3-* packages when PATH leads to another.
func Python(t testing.TB, modules ...string) string {
	t.Helper()
	key := strings.Join(modules, ",")
	if p, ok := pythons.Load(key); ok {
		return p.(string)
	}
	script := "import " + key
	if key == "" {
		script = "pass"
	}
	var tried []string
	for _, name := range []string{"python3", "/usr/bin/python3"} {
		p, err := exec.LookPath(name)
		if err != nil {
			continue
		}
		out, err := exec.Command(p, "-c", script).CombinedOutput()
		if err == nil {
			pythons.Store(key, p)
			return p
		}
		tried = append(tried, p+": "+strings.TrimSpace(string(out)))
	}
	var pkgs []string
	for _, m := range modules {
		pkgs = append(pkgs, packages[m])
	}
	t.Fatalf("Python 3 with %s is needed (Debian: apt-get install %s); tried %s", key, strings.Join(pkgs, " "), strings.Join(tried, "; "))
	return ""
}

// Run runs program with args and returns what it wrote to standard output,
// failing t with all it said if it fails.
func Run(t testing.TB, program string, args ...string) string {
	t.Helper()
	cmd := exec.Command(program, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s%s", program, strings.Join(args, " "), err, out, stderr.String())
	}
	return string(out)
}
