package ninjs

import (
	"bytes"
	"encoding/json"
	"strings"
)

// ninjsKeys are properties of ninjs (any version, either spelling,
// compared in lower case) that, beside "uri", mark a JSON object as a
// ninjs item rather than some other JSON with a uri in it.
var ninjsKeys = map[string]bool{
	"type": true, "version": true, "versioncreated": true, "firstcreated": true,
	"pubstatus": true, "headline": true, "headlines": true, "bodies": true, "ednote": true,
	"slugline": true, "byline": true, "bylines": true, "by": true, "located": true,
	"altids": true, "profile": true, "representationtype": true, "copyrightholder": true,
	"descriptions": true, "urgency": true, "embargoed": true, "language": true,
}

// Detect reports whether head, an input's first bytes, is ninjs: a JSON
// object (or a list or stream of them) whose properties include "uri" and
// another ninjs property, or an AP Media API response ("api_version" and
// "data"). It reads JSON tokens, not text, so a uri quoted inside a
// string does not count, and head may stop anywhere: what is read up to
// the cut decides.
func Detect(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 || head[0] != '{' && head[0] != '[' {
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(head))
	if head[0] == '[' {
		if _, err := dec.Token(); err != nil {
			return false
		}
	}
	return isItem(dec)
}

// isItem reads the object at dec's position and reports whether its
// properties are an item's or an AP envelope's.
func isItem(dec *json.Decoder) bool {
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	uri, other, api, data := false, false, false, false
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			break
		}
		key, _ := t.(string)
		k := strings.ToLower(key)
		switch {
		case k == "uri":
			uri = peekString(dec)
			continue
		case k == "api_version":
			api = true
		case k == "data":
			data = true
		case ninjsKeys[k] || strings.HasPrefix(k, "body_") || strings.HasPrefix(k, "description_"):
			other = true
		}
		if uri && other || api && data {
			return true
		}
		if err := skipValue(dec); err != nil {
			break
		}
	}
	return uri && other || api && data
}

// peekString consumes the next value and reports whether it is a string.
func peekString(dec *json.Decoder) bool {
	t, err := dec.Token()
	if err != nil {
		return false
	}
	if _, ok := t.(string); ok {
		return true
	}
	if d, ok := t.(json.Delim); ok && (d == '{' || d == '[') {
		skipRest(dec)
	}
	return false
}

// skipValue consumes one value, however nested.
func skipValue(dec *json.Decoder) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := t.(json.Delim); ok && (d == '{' || d == '[') {
		return skipRest(dec)
	}
	return nil
}

// skipRest consumes the rest of an object or list whose opening
// delimiter has been read.
func skipRest(dec *json.Decoder) error {
	for depth := 1; depth > 0; {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		if d, ok := t.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
	}
	return nil
}
