//go:build !unix

package wire

import (
	"io"
	"os"
)

// readRegular reads the file at path, refusing it unless it is a regular
// file, up to limit bytes and one more. Systems other than Unix have no
// FIFOs that block an open in the file system, so a plain open does.
func readRegular(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := CheckRegular(st.Mode()); err != nil {
		return nil, err
	}
	return readAll(io.LimitReader(f, limit+1), min(st.Size(), limit)+1)
}
