package corpus

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/glot-i18n/glot/internal/cli"
)

// SourceLanguage is the language the generated pages are written in.
const SourceLanguage = "en"

// Languages are the languages a corpus is translated into by default: six
// in the Latin script, one written right to left and one written without
// spaces between words.
var Languages = []string{"es", "fr", "de", "it", "pt", "nl", "ar", "ja"}

// BaseURL is the base_url of the generated site.
const BaseURL = "https://bench.example/"

// Options say what corpus to generate. The same options give the same
// corpus, byte for byte, on every machine.
type Options struct {
	Pages int    // Markdown files, the home page and the sections' _index.md included
	Seed  uint64 // 0 means 1
	// Languages are the target languages; nil means Languages.
	Languages []string
	// Untranslated is the share of messages, from 0 to 1, that each
	// language's catalog leaves untranslated.
	Untranslated float64
}

func (o Options) withDefaults() Options {
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Languages == nil {
		o.Languages = Languages
	}
	return o
}

// Generate writes a complete site into dir: its glot.toml and pages
// (Content), its source catalog (glot extract, run in-process) and the
// catalogs of every language (Translate).
func Generate(dir string, o Options) error {
	if err := Content(dir, o); err != nil {
		return err
	}
	if err := Extract(dir); err != nil {
		return err
	}
	return Translate(dir, o)
}

// Extract runs glot extract on the site in dir.
func Extract(dir string) error {
	var stderr bytes.Buffer
	if code := cli.Run([]string{"-C", dir, "extract"}, io.Discard, &stderr); code != 0 {
		return fmt.Errorf("glot extract exited with status %d: %s", code, strings.TrimSpace(stderr.String()))
	}
	return nil
}

// Content writes glot.toml and content/ into dir: o.Pages Markdown pages
// in nested sections, and the images they show.
func Content(dir string, o Options) error {
	o = o.withDefaults()
	t, err := newTree(o.Pages, o.Seed)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create site: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "glot.toml"), config(o.Languages), 0o644); err != nil {
		return fmt.Errorf("write glot.toml: %w", err)
	}
	content := filepath.Join(dir, "content")
	for i, img := range images {
		if err := writeFile(filepath.Join(content, img), pngImage(i)); err != nil {
			return err
		}
	}
	// Pages are independent of one another once the tree is laid out, so
	// they are written on every core.
	work := make(chan int)
	errs := make(chan error, runtime.NumCPU())
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Go(func() {
			for i := range work {
				if err := writeFile(filepath.Join(content, filepath.FromSlash(t.pages[i].path)), t.markdown(o.Seed, i)); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		})
	}
	for i := range t.pages {
		work <- i
	}
	close(work)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}

func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create folder: %w", err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("write page: %w", err)
	}
	return nil
}

// config writes the site's glot.toml.
func config(langs []string) []byte {
	var b strings.Builder
	b.WriteString("# A generated site for glot's benchmarks.\n")
	fmt.Fprintf(&b, "source_language = %q\n", SourceLanguage)
	b.WriteString("languages = [")
	for i, l := range langs {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", l)
	}
	b.WriteString("]\n")
	b.WriteString("content_dir = \"content\"\nlocales_dir = \"locales\"\noutput_dir = \"public\"\nmarkdown_dir = \"localized\"\n")
	fmt.Fprintf(&b, "base_url = %q\n", BaseURL)
	return []byte(b.String())
}

// pngImage draws a small figure, a different colour for each n.
func pngImage(n int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 16, 16))
	c := color.RGBA{uint8(60 * n), 120, uint8(200 - 40*n), 255}
	for y := range 16 {
		for x := range 16 {
			if (x+y)%4 != 0 {
				img.Set(x, y, c)
			}
		}
	}
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	return b.Bytes()
}
