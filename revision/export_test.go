package revision

// Matching is Grouping.matching, for the tests of package revision_test.
func Matching(a, b Features) Match { return Grouping.matching(a, b) }
