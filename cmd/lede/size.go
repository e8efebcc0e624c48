package main

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"lede/revision"
)

// byteSize is a size flag such as --max-size: plain bytes or a number
// with a unit, so users can write 8MiB instead of 8388608.
type byteSize int64

// Set parses the flag value; a bad value is a usage error.
func (b *byteSize) Set(s string) error {
	n, err := parseByteSize(s)
	if err != nil {
		return err
	}
	*b = byteSize(n)
	return nil
}

// String writes the size with a binary unit ("8 MiB"), a form Set reads.
func (b *byteSize) String() string {
	if b == nil {
		return ""
	}
	return revision.HumanBytes(int64(*b))
}

// sizeUnits are the accepted units, lower case. K, M and G are binary,
// as in most command-line tools; KB, MB and GB are decimal.
var sizeUnits = map[string]int64{
	"": 1, "b": 1,
	"k": 1 << 10, "kib": 1 << 10, "kb": 1e3,
	"m": 1 << 20, "mib": 1 << 20, "mb": 1e6,
	"g": 1 << 30, "gib": 1 << 30, "gb": 1e9,
}

var errByteSize = errors.New("want bytes or a size such as 512KiB, 8MiB or 8M")

// parseByteSize reads "100", "512KiB", "8M", "1.5 MiB" (case does not
// matter) into a positive byte count.
func parseByteSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	end := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	if end < 0 {
		end = len(s)
	}
	num, unit := s[:end], strings.ToLower(strings.TrimSpace(s[end:]))
	mult, ok := sizeUnits[unit]
	if !ok || num == "" {
		return 0, errByteSize
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, errByteSize
	}
	v := f * float64(mult)
	switch {
	case v >= math.MaxInt64:
		return 0, errors.New("size is too large")
	case v < 1:
		return 0, errors.New("size must be at least 1 byte")
	}
	return int64(v), nil
}
