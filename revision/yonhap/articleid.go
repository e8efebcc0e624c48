package yonhap

import (
	"net/url"
	"path"
	"strings"
)

// ArticleID finds a Yonhap article id in s, a page's URL or a file name,
// and returns it with the story's key. The id is "AEN", the date (8
// digits), the serial of the story that day (4), the version (2: "00"
// for the first, "51", "52"... for later versions) and the desk code
// (3): AEN20200201001252320. The key is the id without its version
// digits (AEN202002010012320), the same for every version of a story.
//
// In a URL the id is the last segment of the path
// (https://en.yna.co.kr/view/AEN20200201001252320?section=nk/nk), and
// may follow digits there, as on the old English site
// (.../0200000000AEN20120101000300315.html). A name that is not a URL
// must be the id, perhaps with a directory and an extension
// (pages/AEN20200201001252320.txt); an id inside other text is not
// taken, since a name merely mentioning one names something else.
func ArticleID(s string) (id, key string, ok bool) {
	s = strings.TrimSpace(s)
	base, isURL := "", strings.Contains(s, "://")
	if isURL {
		u, err := url.Parse(s)
		if err != nil {
			return "", "", false
		}
		base = path.Base(strings.TrimRight(u.Path, "/"))
		base = strings.TrimLeft(base, "0123456789")
	} else {
		base = s[strings.LastIndexAny(s, `/\`)+1:]
	}
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	if !isArticleID(base) {
		return "", "", false
	}
	return base, base[:15] + base[17:], true
}

// isArticleID reports whether s is exactly AEN and 17 digits whose
// first eight make a plausible date.
func isArticleID(s string) bool {
	if len(s) != 20 || !strings.HasPrefix(s, "AEN") {
		return false
	}
	for i := 3; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	month := int(s[7]-'0')*10 + int(s[8]-'0')
	day := int(s[9]-'0')*10 + int(s[10]-'0')
	return s[3] >= '1' && month >= 1 && month <= 12 && day >= 1 && day <= 31
}

// ArticleVersion reads the version digits of an article id: 0 for "00",
// the first version, and N for "5N", the Nth revision after it. The
// digits order a story's versions; they are not its marker. On the
// labelled corpus (104 pages, 80 stories) they rise along every story,
// but "51" is a (LEAD) on 20 pages and unmarked on 9 (mobile pages drop
// the marker), "52" a (2nd LD) on 10 and a (LEAD) on 2, "53" a (3rd LD)
// on 5 and a (2nd LD) or (LEAD) on one each: a revision such as a
// correction takes a number without a new LD.
func ArticleVersion(id string) (int, bool) {
	if !isArticleID(id) {
		return 0, false
	}
	d := id[15:17]
	switch {
	case d == "00":
		return 0, true
	case d[0] == '5' && d[1] >= '1':
		return int(d[1] - '0'), true
	}
	return 0, false
}
