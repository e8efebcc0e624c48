package revision

import (
	"strings"
	"testing"
)

func TestTextParagraphs(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"blank lines", "One, hard\nwrapped.\n\nTwo.\n \nThree.", "One, hard wrapped.|Two.|Three."},
		{"no blank line: one a line", "One.\nTwo.\r\nThree.", "One.|Two.|Three."},
		{"white space", "  A   b  \n\n\n  c\t d ", "A b|c d"},
		{"one paragraph", "Only.", "Only."},
		{"empty", " \n\n ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(TextParagraphs(tt.in), "|"); got != tt.want {
				t.Errorf("TextParagraphs(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
