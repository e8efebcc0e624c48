package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"time"
)

// Creating a database takes two steps that a SIGKILL can come between:
// bbolt creates the file and writes its four header pages (two meta
// pages, an empty freelist, an empty root), then lede creates its
// buckets and schema version in one transaction. A kill can leave an
// empty file (before bbolt's write), a header cut short (the kernel stops
// a write at a page boundary for a fatal signal), or a bbolt file with no
// buckets at all. None of these holds anything, so the next lede sets the
// file up as new, whether it only reads or writes. A file with buckets but
// no lede meta bucket, or a short file that is no bbolt header, is
// somebody's data or a damaged database: it is refused and left as it is.

// errBlank says that a file opened read-only has no buckets at all: a
// creation that was stopped before lede's first transaction.
var errBlank = errors.New("database file has no buckets")

// bboltHeaderPages is how many pages a new bbolt file starts with; no
// file that bbolt finished creating is shorter.
const bboltHeaderPages = 4

// checkShort looks at the file at path before bbolt maps it: bbolt
// refuses a file shorter than its header, or, with the meta pages whole
// and the rest missing, crashes on the first read (SIGBUS). A header cut
// short during creation is emptied, under the file's lock, so that bbolt
// creates it again; any other short file is refused.
func checkShort(path string, wait time.Duration) error {
	fi, err := os.Stat(path)
	if err != nil || fi.Size() == 0 || !fi.Mode().IsRegular() {
		return nil // bbolt creates a missing or empty file, and words other errors
	}
	head, err := readHead(path)
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	h := parseHeader(head)
	whole := int64(bboltHeaderPages * os.Getpagesize())
	if h.bolt {
		whole = int64(bboltHeaderPages * h.pageSize)
	}
	switch {
	case fi.Size() >= whole:
		return nil // whole: bbolt and init judge it
	case h.fresh:
		return emptyCut(path, wait)
	case h.bolt:
		return fmt.Errorf("%s is a bbolt file cut short (%d bytes, less than its %d-byte header) after transactions were written: a damaged database; lede leaves it as it is", path, fi.Size(), whole)
	}
	return fmt.Errorf("%s is %d bytes, too short to be a lede database and not one lede began to create; lede leaves it as it is", path, fi.Size())
}

// readHead reads the start of the file at path: as much of a first meta
// page as it has.
func readHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return headOf(f), nil
}

// headOf reads the start of f; what cannot be read is not there.
func headOf(f *os.File) []byte {
	head := make([]byte, metaEnd)
	n, _ := f.ReadAt(head, 0)
	return head[:n]
}

// The first meta page as bbolt's init writes it (bbolt's common.Page and
// common.Meta, in the machine's byte order): a 16-byte page header, then
// magic, version, page size, flags, root bucket, freelist, page count,
// transaction id, checksum.
const (
	metaFlagsOff = 8
	metaOff      = 16
	metaEnd      = metaOff + 64
	bboltMagic   = 0xED0CDAED
	bboltMeta    = 0x04
)

// header is what the first meta page of a bbolt file says.
type header struct {
	bolt     bool // a bbolt meta page: magic, version 2, a page size
	pageSize int
	// fresh: transaction 0 and four pages, as bbolt's init writes it. A
	// commit writes its meta page here (transaction 2) and pages past the
	// header, so a file whose first meta page is still this one holds
	// nothing.
	fresh bool
}

// parseHeader reads the first meta page at the start of head.
func parseHeader(head []byte) header {
	if len(head) < metaEnd {
		return header{}
	}
	ne := binary.NativeEndian
	m := head[metaOff:]
	pageSize := int(ne.Uint32(m[8:]))
	if ne.Uint16(head[metaFlagsOff:]) != bboltMeta || ne.Uint32(m) != bboltMagic || ne.Uint32(m[4:]) != 2 || pageSize < 512 {
		return header{}
	}
	pgid, txid := ne.Uint64(m[40:]), ne.Uint64(m[48:])
	return header{bolt: true, pageSize: pageSize, fresh: pgid == bboltHeaderPages && txid == 0}
}

// emptyCut empties a file whose creation was cut short inside bbolt's
// header, holding the lock bbolt takes (waiting at most wait), and only
// if it is still cut short then: another lede may be creating it now.
func emptyCut(path string, wait time.Duration) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	defer f.Close()
	start := time.Now()
	if err := lockFile(f, wait); err != nil {
		if errors.Is(err, errLockTimeout) {
			return &LockedError{Path: path, Waited: time.Since(start), Holder: holderOf(path)}
		}
		return fmt.Errorf("open database %s: %w", path, err)
	}
	defer unlockFile(f)
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if h := parseHeader(headOf(f)); !h.fresh || fi.Size() >= int64(bboltHeaderPages*h.pageSize) {
		return nil // finished by the lede that held it: bbolt judges it
	}
	if err := f.Truncate(0); err != nil {
		return fmt.Errorf("resetting %s, left cut short while it was being created: %w", path, err)
	}
	return f.Sync()
}

// createThenRead sets up a file a killed creation left empty or without
// buckets for a command that only reads: it is opened for writing once,
// which creates the buckets as for a new file, then opened read-only.
func createThenRead(path string, opt Options) (*DB, error) {
	w, err := Open(path, Options{Wait: opt.Wait, Holder: opt.Holder})
	if err != nil {
		var locked *LockedError
		if errors.As(err, &locked) {
			return nil, err
		}
		return nil, fmt.Errorf("%s was left empty by a lede stopped while creating it, and setting it up failed: %w", path, err)
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return open(path, opt, true)
}
