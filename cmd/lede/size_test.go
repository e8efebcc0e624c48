package main

import "testing"

func TestParseByteSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"100", 100, true},
		{"100B", 100, true},
		{"512KiB", 512 << 10, true},
		{"512k", 512 << 10, true},
		{"8MiB", 8 << 20, true},
		{"8M", 8 << 20, true},
		{"8 MiB", 8 << 20, true},
		{"8mb", 8e6, true},
		{"1.5KiB", 1536, true},
		{"1G", 1 << 30, true},
		{"", 0, false},
		{"MiB", 0, false},
		{"8XB", 0, false},
		{"-5", 0, false},
		{"0", 0, false},
		{"1.2.3", 0, false},
		{"99999999999G", 0, false},
	}
	for _, tt := range tests {
		got, err := parseByteSize(tt.in)
		if tt.ok && (err != nil || got != tt.want) {
			t.Errorf("parseByteSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
		if !tt.ok && err == nil {
			t.Errorf("parseByteSize(%q) = %d, want an error", tt.in, got)
		}
	}
}

// The default shown in --help must be a value the flag accepts.
func TestByteSizeRoundTrip(t *testing.T) {
	for _, n := range []int64{100, 8 << 20, 1536} {
		b := byteSize(n)
		var back byteSize
		if err := back.Set(b.String()); err != nil || back != b {
			t.Errorf("Set(%q) = %d, %v; want %d", b.String(), back, err, n)
		}
	}
}
