package wire

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// ErrNotRegular is wrapped by the error for a FIFO, device or socket
// given as an input, so callers can tell it with errors.Is.
var ErrNotRegular = errors.New("not a regular file")

// errIsDir is the error for a directory given where a page is read.
var errIsDir = errors.New("is a directory")

// openInput opens the file at path for reading. Unless streams is set,
// only a regular file is read: opening a FIFO blocks until a writer
// comes, and a device or a socket is no page, so either would hang or
// poison a batch. The path is checked before it is opened (so a device
// is never opened at all) and the open file again, because the path can
// be swapped for a FIFO in between; the open itself does not block
// (openNonBlocking), so that race cannot hang the pipeline either.
func openInput(path string, streams bool) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, errIsDir
	}
	if streams {
		return os.Open(path)
	}
	if err := CheckRegular(st.Mode()); err != nil {
		return nil, err
	}
	return openRegular(path)
}

// openRegular opens path without blocking and refuses what it opened
// unless it is a regular file.
func openRegular(path string) (*os.File, error) {
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err == nil {
		err = CheckRegular(st.Mode())
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// CheckRegular refuses a file mode that is not a regular file's, saying
// what the file is: "not a regular file (a FIFO)". Listing inputs uses it
// to refuse such a file by name before anything opens it.
func CheckRegular(m fs.FileMode) error {
	if m.IsRegular() {
		return nil
	}
	if m.IsDir() {
		return errIsDir
	}
	return fmt.Errorf("%w (%s)", ErrNotRegular, fileKind(m))
}

// fileKind names what a non-regular file is.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "an irregular file"
}
