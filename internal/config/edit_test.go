package config

import (
	"slices"
	"testing"
)

func TestAddLanguage(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"one line",
			"# The site.\nsource_language = \"en\"\nlanguages = [\"es\", \"fr\"]    # targets\n\n[build]\nthreshold = 90\n",
			"# The site.\nsource_language = \"en\"\nlanguages = [\"es\", \"fr\", \"pt-BR\"]    # targets\n\n[build]\nthreshold = 90\n"},
		{"empty",
			"source_language = \"en\"\nlanguages = []\n",
			"source_language = \"en\"\nlanguages = [\"pt-BR\"]\n"},
		{"trailing comma",
			"languages = [\"es\",]\n",
			"languages = [\"es\", \"pt-BR\"]\n"},
		{"lines, trailing comma and comment",
			"languages = [\n    \"es\",\n    \"fr\", # French\n]\ncontent_dir = \"pages\"\n",
			"languages = [\n    \"es\",\n    \"fr\", # French\n    \"pt-BR\",\n]\ncontent_dir = \"pages\"\n"},
		{"lines, no trailing comma",
			"languages = [\n  \"es\",\n  \"fr\"\n]\n",
			"languages = [\n  \"es\",\n  \"fr\",\n  \"pt-BR\"\n]\n"},
		{"a bracket in a comment",
			"languages = [\"es\"] # not ] this\n",
			"languages = [\"es\", \"pt-BR\"] # not ] this\n"},
		{"no key",
			"source_language = \"en\"\n\n[build]\nthreshold = 90\n",
			"source_language = \"en\"\n\nlanguages = [\"pt-BR\"]\n[build]\nthreshold = 90\n"},
		{"a table's languages key is not the site's",
			"source_language = \"en\"\n[hugo]\nlanguages = [\"xx\"]\n",
			"source_language = \"en\"\nlanguages = [\"pt-BR\"]\n[hugo]\nlanguages = [\"xx\"]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := AddLanguage([]byte(tt.in), "pt-BR")
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if tt.name == "a table's languages key is not the site's" {
				return // [hugo] takes no languages key
			}
			cfg, err := Parse(File, got)
			if err != nil {
				t.Fatalf("the edited file does not parse: %v", err)
			}
			if !slices.Contains(cfg.Languages, "pt-BR") {
				t.Errorf("languages = %v, without pt-BR", cfg.Languages)
			}
		})
	}
}
