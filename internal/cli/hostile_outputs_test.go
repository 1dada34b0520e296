package cli

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"
)

// hostileFrontMatter splits a Markdown file into its front matter, YAML
// between "---" lines or TOML between "+++" lines, and its body; ok is
// false if the front matter is never closed.
func hostileFrontMatter(data []byte) (fm, body []byte, delim string, ok bool) {
	lines := strings.SplitAfter(string(data), "\n")
	delim = strings.TrimRight(lines[0], "\r\n")
	if delim != "---" && delim != "+++" {
		return nil, data, "", true
	}
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], "\r\n") == delim {
			return []byte(strings.Join(lines[1:i], "")), []byte(strings.Join(lines[i+1:], "")), delim, true
		}
	}
	return nil, nil, delim, false
}

// hostileCompareFrontMatter says what is wrong with translated front
// matter: it must parse (as YAML, or TOML), with the baseline's keys, the
// untranslated values unchanged and the translated ones still strings.
func hostileCompareFrontMatter(delim string, fm, base []byte) string {
	unmarshal, format := yaml.Unmarshal, "YAML"
	if delim == "+++" {
		unmarshal, format = toml.Unmarshal, "TOML"
	}
	var got, want map[string]any
	if err := unmarshal(fm, &got); err != nil {
		return fmt.Sprintf("not %s: %v", format, err)
	}
	if err := unmarshal(base, &want); err != nil {
		return fmt.Sprintf("the baseline's is not %s: %v", format, err)
	}
	gk, wk := hostileKeys(got, ""), hostileKeys(want, "")
	if !slices.Equal(gk, wk) {
		return fmt.Sprintf("keys %v, the baseline's %v", gk, wk)
	}
	for k, v := range want {
		if slices.Contains(hostileTranslated, k) {
			if _, ok := got[k].(string); !ok {
				return fmt.Sprintf("%s is %T %v, not a string", k, got[k], got[k])
			}
		} else if !reflect.DeepEqual(got[k], v) {
			return fmt.Sprintf("%s is %v, the baseline's %v", k, got[k], v)
		}
	}
	return ""
}

// hostileShortcodes lists the shortcodes of a page ({{< >}} and {{% %}}),
// each as its name and parameters with every quoted value written "…":
// their shape, which a translated parameter must not change.
func hostileShortcodes(s string) []string {
	var out []string
	for i := 0; i+2 < len(s); i++ {
		if s[i] != '{' || s[i+1] != '{' || s[i+2] != '<' && s[i+2] != '%' {
			continue
		}
		closer := map[byte]string{'<': ">}}", '%': "%}}"}[s[i+2]]
		var b strings.Builder
		b.WriteString(s[i : i+3])
		j := i + 3
		for j < len(s) && !strings.HasPrefix(s[j:], closer) {
			switch c := s[j]; c {
			case '"', '`':
				k := j + 1
				for k < len(s) && s[k] != c {
					if c == '"' && s[k] == '\\' {
						k++
					}
					k++
				}
				b.WriteString(`"…"`)
				j = k + 1
				continue
			case ' ', '\t', '\r', '\n':
				if !strings.HasSuffix(b.String(), " ") {
					b.WriteByte(' ')
				}
			default:
				b.WriteByte(c)
			}
			j++
		}
		b.WriteString(closer)
		out = append(out, b.String())
		i = j
	}
	return out
}

func hostileKeys(m map[string]any, prefix string) []string {
	var out []string
	for k, v := range m {
		out = append(out, prefix+k)
		if sub, ok := v.(map[string]any); ok {
			out = append(out, hostileKeys(sub, prefix+k+".")...)
		}
	}
	sort.Strings(out)
	return out
}

// hostileSitemap says what is wrong with a translated sitemap: it must be
// well-formed XML and name only the baseline's URLs (renamed pages
// included).
func hostileSitemap(data, base []byte, renames map[string]string) []string {
	urls := func(data []byte) (map[string]bool, error) {
		out := map[string]bool{}
		d := xml.NewDecoder(bytes.NewReader(data))
		inLoc := false
		for {
			tok, err := d.Token()
			if err == io.EOF {
				return out, nil
			}
			if err != nil {
				return nil, err
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				inLoc = tok.Name.Local == "loc"
				for _, a := range tok.Attr {
					if a.Name.Local == "href" {
						out[a.Value] = true
					}
				}
			case xml.EndElement:
				inLoc = false
			case xml.CharData:
				if inLoc {
					out[strings.TrimSpace(string(tok))] = true
				}
			}
		}
	}
	got, err := urls(data)
	if err != nil {
		return []string{fmt.Sprintf("not well-formed XML: %v", err)}
	}
	want, err := urls(base)
	if err != nil {
		return []string{fmt.Sprintf("the baseline's is not XML: %v", err)}
	}
	var out []string
	norm := hostileNormalizer(hostileBaseURL, renames)
	for u := range got {
		if !want[norm(u)] {
			out = append(out, fmt.Sprintf("URL %q is not in the baseline's", u))
		}
	}
	sort.Strings(out)
	return out
}
