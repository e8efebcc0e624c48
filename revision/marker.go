package revision

import "strings"

// Text is the marker as on the page without parentheses, with its
// flags: "2nd LD, CORRECTED"; "" for a plain first version. Every line
// that names a version (ingest's, history's, an alert's) writes it so.
func (m Marker) Text() string {
	parts := m.Flags
	if m.Label != "" {
		parts = append([]string{m.Label}, m.Flags...)
	}
	return strings.Join(parts, ", ")
}
