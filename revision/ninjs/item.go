package ninjs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
)

// item holds the ninjs properties lede reads. Each field's tag is the
// 1.x name; encoding/json also matches the 3.0 camelCase spelling of the
// same name ("versionCreated", "pubStatus", "edNote"), because it matches
// keys without regard to case. Properties that 3.0 renamed outright
// (headline → headlines, body_* → bodies, byline → by) have fields of
// their own.
type item struct {
	URI            string          `json:"uri"`
	Type           string          `json:"type"`
	Version        flexString      `json:"version"`
	VersionCreated string          `json:"versioncreated"`
	FirstCreated   string          `json:"firstcreated"`
	PubStatus      string          `json:"pubstatus"`
	EdNote         string          `json:"ednote"`
	Headline       string          `json:"headline"`
	Headlines      []roleValue     `json:"headlines"`
	Slugline       string          `json:"slugline"`
	Slug           string          `json:"slug"` // TT's own property
	Byline         string          `json:"byline"`
	By             string          `json:"by"`
	Bylines        []bylineEntry   `json:"bylines"`
	Located        flexString      `json:"located"`
	Provider       string          `json:"provider"` // AP's own property
	CopyrightHold  string          `json:"copyrightholder"`
	Source         string          `json:"source"` // TT's own property
	AltIDs         altIDs          `json:"altids"`
	EvolvedFrom    flexStrings     `json:"evolvedfrom"`
	Replacing      flexStrings     `json:"replacing"` // TT
	Revisions      []revisionEntry `json:"revisions"` // TT
	EditorialTypes []string        `json:"editorialtypes"`
	Signals        flexStrings     `json:"signals"`
	BodyText       string          `json:"body_text"`
	BodyHTML       string          `json:"body_html"`
	BodyHTML5      string          `json:"body_html5"`
	BodyXHTML      string          `json:"body_xhtml"`
	Bodies         []roleValue     `json:"bodies"`
}

// altIDs are the AP Media API's alternative ids: itemid stays the same
// across an item's versions (the uri carries a per-request query), and
// transref is the transmission reference (a0485) the wire copy carries.
type altIDs struct {
	ItemID      string `json:"itemid"`
	ReferenceID string `json:"referenceid"`
	TransRef    string `json:"transref"`
}

// roleValue is one entry of ninjs 3.0's headlines, bodies or
// descriptions.
type roleValue struct {
	Role        string `json:"role"`
	ContentType string `json:"contenttype"`
	Value       string `json:"value"`
}

// bylineEntry is one entry of "bylines": AP writes {"by", "title"}, TT
// {"byline", "role", ...} and lists photographers there too.
type bylineEntry struct {
	By     string `json:"by"`
	Byline string `json:"byline"`
	Role   string `json:"role"`
}

// revisionEntry is one entry of TT's "revisions", the chain of uris an
// item went through, its first version first.
type revisionEntry struct {
	URI string `json:"uri"`
}

// flexString reads a JSON string or number as text: ninjs 1.x and the AP
// Media API send version as a number, ninjs 3.0 as a string.
type flexString string

func (s *flexString) UnmarshalJSON(b []byte) error {
	if v, ok, err := stringValue(b); ok || err != nil {
		*s = flexString(v)
		return err
	}
	if len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9') {
		*s = flexString(b)
		return nil
	}
	return typeError(b, reflect.TypeFor[flexString]())
}

// typeError reports a value of the wrong type the way encoding/json
// does, so that the error names the property (jsonError words it).
func typeError(b []byte, t reflect.Type) error {
	kind := "value"
	switch {
	case len(b) == 0:
	case b[0] == '{':
		kind = "object"
	case b[0] == '[':
		kind = "array"
	case b[0] == 't' || b[0] == 'f':
		kind = "bool"
	case b[0] == '"':
		kind = "string"
	default:
		kind = "number"
	}
	return &json.UnmarshalTypeError{Value: kind, Type: t}
}

// stringValue decodes b when it is a JSON string or null (ok true, "" for
// null); ok is false for any other value.
func stringValue(b []byte) (string, bool, error) {
	if bytes.Equal(b, []byte("null")) {
		return "", true, nil
	}
	if len(b) == 0 || b[0] != '"' {
		return "", false, nil
	}
	var v string
	err := json.Unmarshal(b, &v)
	return v, true, err
}

// flexStrings reads one string or a list of strings: evolvedfrom and
// replacing are written both ways in the wild.
type flexStrings []string

func (l *flexStrings) UnmarshalJSON(b []byte) error {
	if v, ok, err := stringValue(b); ok || err != nil {
		if v != "" {
			*l = flexStrings{v}
		}
		return err
	}
	var v []string
	if err := json.Unmarshal(b, &v); err != nil {
		return typeError(b, reflect.TypeFor[flexStrings]())
	}
	*l = v
	return nil
}

// version returns the version number, 0 when the item gives none or one
// that is not a whole number (which is then a warning).
func (it *item) version() (int, string) {
	if it.Version == "" {
		return 0, ""
	}
	n, err := strconv.Atoi(string(it.Version))
	if err != nil || n < 0 {
		return 0, fmt.Sprintf("version %q is not a whole number; ignored", string(it.Version))
	}
	return n, ""
}

// abbrev shows the start of a JSON value in an error message.
func abbrev(b []byte) string {
	const n = 24
	if len(b) > n {
		return string(b[:n]) + "..."
	}
	return string(b)
}
