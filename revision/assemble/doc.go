// Package assemble makes whole versions out of the items an agency sends
// for them. AP sends a long version in parts (a "2 Takes" item, then
// "1st Add", "2nd Add"...) and many updates as a new top only (a plain
// "1st Ld" that "picks up 4th graf pvs, `The ferry...'"): neither item is
// the version a reader means, and a diff of the items as received says
// nothing useful. Join puts the parts of one version together in order;
// Rebuild applies a partial item to the version it picks up from, checks
// the pick-up paragraph's number against its quoted anchor words and says
// which paragraphs of the result came from where. Build does both for a
// version as the store keeps it (the items as received, and the version a
// partial picks up from), so every reader of the store sees the same
// whole text.
//
// The package is pure: it parses nothing itself (Build is handed a
// parser) and imports only the standard library and revision.
package assemble
