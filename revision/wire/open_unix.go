//go:build unix

package wire

import (
	"io/fs"
	"syscall"
)

// readRegular reads the file at path, refusing it unless it is a regular
// file, up to limit bytes and one more, with the system calls alone: open,
// fstat, read to the end, close. An *os.File costs three more a file (an
// fstat before the open, a registration with the poller that fails for a
// regular file, a second fstat), which was a third of the time reading
// 20,000 pages took. O_NONBLOCK makes opening a FIFO that has no writer
// return at once instead of waiting for one; reading a regular file
// ignores the flag.
func readRegular(path string, limit int64) ([]byte, error) {
	fd, err := openNonBlocking(path)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	if err := CheckRegular(modeOf(uint32(st.Mode))); err != nil {
		return nil, err
	}
	buf := make([]byte, 0, max(min(st.Size, limit)+1, 512))
	for int64(len(buf)) <= limit {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // the file grew: let append pick the room
		}
		room := buf[len(buf):min(int64(cap(buf)), limit+1)]
		n, err := syscall.Read(fd, room)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			break
		}
		buf = buf[:len(buf)+n]
	}
	return buf, nil
}

// openNonBlocking opens path read-only and non-blocking, again when a
// signal interrupts the call.
func openNonBlocking(path string) (int, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

// modeOf is the type bits of a stat mode as fs.FileMode has them.
func modeOf(m uint32) fs.FileMode {
	switch m & syscall.S_IFMT {
	case syscall.S_IFREG:
		return 0
	case syscall.S_IFDIR:
		return fs.ModeDir
	case syscall.S_IFIFO:
		return fs.ModeNamedPipe
	case syscall.S_IFSOCK:
		return fs.ModeSocket
	case syscall.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFBLK:
		return fs.ModeDevice
	case syscall.S_IFLNK:
		return fs.ModeSymlink
	}
	return fs.ModeIrregular
}
