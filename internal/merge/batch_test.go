package merge

import (
	"reflect"
	"testing"
)

// A regional variant is merged in the wave after its nearest parent of
// the batch, whatever the order glot.toml lists them in.
func TestWaves(t *testing.T) {
	for _, tt := range []struct {
		langs []string
		want  [][]int
	}{
		{[]string{"es", "fr"}, [][]int{{0, 1}}},
		{[]string{"pt-BR", "pt"}, [][]int{{1}, {0}}},
		{[]string{"es-MX", "es-419", "es", "fr"}, [][]int{{2, 3}, {1}, {0}}},
		{[]string{"es-MX", "es"}, [][]int{{1}, {0}}},
		{[]string{"pt-BR"}, [][]int{{0}}},
	} {
		if got := waves(tt.langs); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("waves(%v) = %v, want %v", tt.langs, got, tt.want)
		}
	}
}
