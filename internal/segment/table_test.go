package segment

import (
	"strings"
	"testing"
)

// TestTableWhere checks that every body cell of a table names its column's
// header and its row's first cell, in Markdown and in HTML, and that the
// header itself and text outside tables name nothing.
func TestTableWhere(t *testing.T) {
	tests := []struct {
		name string
		html bool
		src  string
		want []string // "text => where", one a segment, in page order
	}{
		{
			name: "gfm",
			src:  "| Drug | Dose |\n|---|---|\n| *Ketamine* | Half a dose |\n| Esketamine | Once a week |\n",
			want: []string{
				"Drug => ", "Dose => ",
				"<1>Ketamine</1> => column \"Drug\"", "Half a dose => column \"Dose\", row \"Ketamine\"",
				"Esketamine => column \"Drug\"", "Once a week => column \"Dose\", row \"Esketamine\"",
			},
		},
		{
			name: "gfm empty header and numeric row",
			src:  "| | Morning | Evening |\n|---|---|---|\n| 2024 | Open | Closed |\n| Sunday | Closed | Open |\n",
			want: []string{
				"Morning => ", "Evening => ",
				"Open => column \"Morning\"", "Closed => column \"Evening\"",
				"Sunday => ", "Closed => column \"Morning\", row \"Sunday\"", "Open => column \"Evening\", row \"Sunday\"",
			},
		},
		{
			name: "gfm alt text in a cell",
			src:  "| Name | Picture |\n|---|---|\n| Clinic | ![The front door](door.png) |\n",
			want: []string{
				"Name => ", "Picture => ",
				"Clinic => column \"Name\"", "The front door => column \"Picture\", row \"Clinic\"",
			},
		},
		{
			name: "gfm paragraph outside the table",
			src:  "Before the table.\n\n| Day |\n|---|\n| Monday |\n\nAfter the table.\n",
			want: []string{"Before the table. => ", "Day => ", "Monday => column \"Day\"", "After the table. => "},
		},
		{
			name: "html thead",
			html: true,
			src: `<table><thead><tr><th>Drug</th><th>Dose</th></tr></thead>
<tbody><tr><td>Ketamine</td><td>Half a <em>dose</em></td></tr></tbody></table>`,
			want: []string{"Drug => ", "Dose => ", "Ketamine => column \"Drug\"", "Half a <1>dose</1> => column \"Dose\", row \"Ketamine\""},
		},
		{
			name: "html first row of th, end tags left out",
			html: true,
			src: `<table>
<tr><th>Day<th>Hours
<tr><th scope=row>Monday<td>Nine to five
<tr><td>Tuesday<td>Closed all day
</table>`,
			want: []string{
				"Day => ", "Hours => ",
				"Monday => column \"Day\"", "Nine to five => column \"Hours\", row \"Monday\"",
				"Tuesday => column \"Day\"", "Closed all day => column \"Hours\", row \"Tuesday\"",
			},
		},
		{
			name: "html without header",
			html: true,
			src:  `<table><tr><th>Monday</th><td>Open late</td></tr><tr><th>Tuesday</th><td>Closed</td></tr></table>`,
			want: []string{"Monday => ", "Open late => row \"Monday\"", "Tuesday => ", "Closed => row \"Tuesday\""},
		},
		{
			name: "html colspan",
			html: true,
			src: `<table><thead><tr><th colspan="2">Who</th><th>Where</th></tr></thead>
<tr><td>Ann</td><td>Nurse</td><td>Front desk</td></tr></table>`,
			want: []string{"Who => ", "Where => ", "Ann => column \"Who\"", "Nurse => column \"Who\", row \"Ann\"", "Front desk => column \"Where\", row \"Ann\""},
		},
		{
			name: "html nested table",
			html: true,
			src: `<table><thead><tr><th>Room</th><th>Staff</th></tr></thead>
<tr><td>Lab</td><td><table><thead><tr><th>Role</th></tr></thead><tr><td>Chemist</td></tr></table></td></tr>
<tr><td>Office</td><td>Clerk</td></tr></table><p>After.</p>`,
			want: []string{
				"Room => ", "Staff => ", "Lab => column \"Room\"",
				"Role => ", "Chemist => column \"Role\"",
				"Office => column \"Room\"", "Clerk => column \"Staff\", row \"Office\"",
				"After. => ",
			},
		},
		{
			name: "html table in markdown, rows apart",
			src:  "<table>\n<tr><th>Day</th><th>Hours</th></tr>\n\n<tr><td>Friday</td><td>Mornings only</td></tr>\n\n</table>\n\n<p>Later text</p>\n",
			want: []string{"Day => ", "Hours => ", "Friday => column \"Day\"", "Mornings only => column \"Hours\", row \"Friday\"", "Later text => "},
		},
		{
			name: "html table in markdown",
			src:  "Intro text.\n\n<table>\n<tr><th>Day</th><th>Hours</th></tr>\n<tr><td>Friday</td><td>Mornings only</td></tr>\n</table>\n",
			want: []string{"Intro text. => ", "Day => ", "Hours => ", "Friday => column \"Day\"", "Mornings only => column \"Hours\", row \"Friday\""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			read := Markdown
			if tt.html {
				read = HTML
			}
			p, err := read([]byte(tt.src), nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range p.Segments {
				got = append(got, s.Text+" => "+s.Where)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// TestTableWhereKeepsIDs checks that a cell's place is no part of its id:
// the same text in another column is the same message.
func TestTableWhereKeepsIDs(t *testing.T) {
	p, err := Markdown([]byte("| A | B |\n|---|---|\n| Closed | Closed |\n\nClosed\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Segments) != 5 {
		t.Fatalf("got %d segments, want 5", len(p.Segments))
	}
	if id := p.Segments[4].ID; p.Segments[2].ID != id || p.Segments[3].ID != id {
		t.Errorf("ids %s, %s, %s: want one message", p.Segments[2].ID, p.Segments[3].ID, id)
	}
}
