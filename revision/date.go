package revision

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date whose year may be unknown. Many pages carry only
// the dateline's month and day; lede reports that honestly instead of
// guessing a year. The zero Date means no date at all.
type Date struct {
	Year  int // 0 when unknown
	Month int // 1..12, 0 when unknown
	Day   int // 1..31, 0 when unknown; see Valid
}

// IsZero reports whether no part of the date is known.
func (d Date) IsZero() bool { return d.Month == 0 && d.Year == 0 && d.Day == 0 }

// YearKnown reports whether the date is complete.
func (d Date) YearKnown() bool { return d.Year != 0 && d.Month != 0 && d.Day != 0 }

// Time returns the date at midnight UTC; the year 0 stands for unknown.
func (d Date) Time() time.Time {
	return time.Date(d.Year, time.Month(max(d.Month, 1)), max(d.Day, 1), 0, 0, 0, 0, time.UTC)
}

// String formats the date as ISO 8601: "2019-12-30" when complete,
// "--12-30" (the ISO form for a date without year) when the year is
// unknown, and "" when nothing is known.
func (d Date) String() string {
	switch {
	case d.YearKnown():
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case d.Month != 0 && d.Day != 0:
		return fmt.Sprintf("--%02d-%02d", d.Month, d.Day)
	}
	return ""
}

// Valid reports whether the date is a real calendar date, or nothing at
// all: the day exists in its month, in its year when the year is known
// (2023-02-29 does not) and in some year when it is not (--02-29 does,
// --02-30 never). Pages and files written by an older lede can carry
// dates that are not; every reader checks, so one such date never poisons
// a listing.
func (d Date) Valid() bool {
	switch {
	case d.IsZero():
		return true
	case d.Year < 0 || d.Year > 9999:
		return false
	}
	return d.Month >= 1 && d.Month <= 12 && d.Day >= 1 && d.Day <= DaysIn(d.Month, d.Year)
}

// DaysIn is the number of days in month (1..12) of year; year 0 stands
// for an unknown year, which may be a leap year, so February has 29.
func DaysIn(month, year int) int {
	if month == 2 && year == 0 {
		return 29
	}
	return time.Date(max(year, 1), time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// InYear fills in a missing year, the year of the story a page belongs
// to, when that makes a real date. When it does not (a year-less Feb. 29
// in a story of 2023), the year stays unknown rather than becoming a date
// that does not exist.
func (d Date) InYear(year int) Date {
	if d.Year != 0 || d.Month == 0 || year == 0 {
		return d
	}
	if y := (Date{Year: year, Month: d.Month, Day: d.Day}); y.Valid() {
		return y
	}
	return d
}

// ParseDate reads the forms String writes, and only real dates: an
// impossible one (2022-02-30, --02-30) is an error.
func ParseDate(s string) (Date, error) {
	switch {
	case s == "":
		return Date{}, nil
	case strings.HasPrefix(s, "--") && len(s) == 7:
		m, err1 := strconv.Atoi(s[2:4])
		d, err2 := strconv.Atoi(s[5:7])
		if err1 != nil || err2 != nil || s[4] != '-' || !validMonthDay(m, d) {
			return Date{}, fmt.Errorf("bad date %q: want YYYY-MM-DD or --MM-DD", s)
		}
		return Date{Month: m, Day: d}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, fmt.Errorf("bad date %q: want YYYY-MM-DD or --MM-DD", s)
	}
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, nil
}

func validMonthDay(m, d int) bool { return Date{Month: m, Day: d}.Valid() }

// MarshalJSON writes the date as its String form.
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads the date from its String form.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// monthNames maps the month spellings seen in datelines and web chrome
// ("Dec.", "Sept.", "March", "December") to month numbers.
var monthNames = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
	"oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// MonthNumber returns the month number for an English month name or its
// abbreviation with or without the period, and 0 when s is not one.
func MonthNumber(s string) int {
	return monthNames[strings.ToLower(strings.TrimSuffix(s, "."))]
}
