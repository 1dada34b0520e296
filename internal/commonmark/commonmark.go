// Package commonmark gives tests the examples of the CommonMark
// specification (0.31.2, 652 of them), read from the copy that goldmark's
// module ships as _test/spec.json, wherever the module cache holds it.
//
//	examples, err := commonmark.Examples()
package commonmark

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Example is one example of the specification.
type Example struct {
	Markdown string `json:"markdown"`
	HTML     string `json:"html"`
	Example  int    `json:"example"`
	Section  string `json:"section"`
}

// Count is the number of examples in the specification.
const Count = 652

// Examples returns every example of the specification.
func Examples() ([]Example, error) {
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/yuin/goldmark").Output()
	if err != nil {
		return nil, fmt.Errorf("finding goldmark's module: %w", err)
	}
	data, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(dir)), "_test", "spec.json"))
	if err != nil {
		return nil, err
	}
	var examples []Example
	if err := json.Unmarshal(data, &examples); err != nil {
		return nil, err
	}
	if len(examples) != Count {
		return nil, fmt.Errorf("%d examples in spec.json, want the %d of spec 0.31.2", len(examples), Count)
	}
	return examples, nil
}
