package store

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"carnet/internal/domain"
)

// Backups are consistent copies of the whole database (VACUUM INTO, which
// reads one snapshot while the file stays in use), kept in a "sauvegardes"
// folder beside it and named by date and reason:
// carnet-2026-12-02-031455-avant-import.db. The last N are kept (the
// backup_keep setting, 10 by default).

// Why a backup was made (the domain's words, part of the file name).
const (
	ReasonManual    = domain.BackupManual
	ReasonImport    = domain.BackupImport
	ReasonUndo      = domain.BackupUndo
	ReasonSync      = domain.BackupSync
	ReasonMigration = domain.BackupMigration
	ReasonRestore   = domain.BackupRestore
)

// DefaultBackupKeep is how many backups are kept unless the setting says.
const DefaultBackupKeep = 10

const settingBackupKeep = "backup_keep"

// backupStamp is the date and time in a backup's name, to the
// millisecond: backups made in a row sort in the order they were made.
const backupStamp = "2006-01-02-150405.000"

// BackupFile is one backup of the customer file.
type BackupFile struct {
	Path   string    `json:"path"`
	Time   time.Time `json:"time"`
	Reason string    `json:"reason"`
	Size   int64     `json:"size"`
	seq    int       // 2, 3… for more backups in the same second
}

// BackupDir is the folder holding the backups of the database at dbPath.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "sauvegardes") }

// BackupTo writes a consistent copy of the database to dest, through a
// temporary file renamed at the end: dest is whole or untouched.
func (s *Store) BackupTo(ctx context.Context, dest string) error {
	tmp := dest + ".tmp"
	_ = os.Remove(tmp) // VACUUM INTO wants a new file; a stale one is ours
	if _, err := s.read.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		_ = os.Remove(tmp)
		return mapError(err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return nil
}

// AutoBackup writes a backup in BackupDir for reason and removes the
// oldest beyond the number kept. Before an import, an undo or a sync, an
// empty customer file (no customer, no import) has nothing to lose: it is
// not backed up, and the BackupFile returned is zero.
func (s *Store) AutoBackup(ctx context.Context, reason string) (b BackupFile, err error) {
	if reason == ReasonImport || reason == ReasonUndo || reason == ReasonSync {
		empty, err := s.isEmpty(ctx)
		if err != nil || empty {
			return BackupFile{}, err
		}
	}
	dir := BackupDir(s.Path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return BackupFile{}, fmt.Errorf("%w (%v)", ErrCannotOpen, err)
	}
	now := time.Now()
	base := strings.TrimSuffix(filepath.Base(s.Path), filepath.Ext(s.Path))
	name := base + "-" + now.Format(backupStamp) + "-" + reason + ".db"
	dest := filepath.Join(dir, name)
	for i := 2; fileExists(dest); i++ { // two backups in one second
		dest = filepath.Join(dir, base+"-"+now.Format(backupStamp)+"-"+reason+"-"+strconv.Itoa(i)+".db")
	}
	if err := s.BackupTo(ctx, dest); err != nil {
		return BackupFile{}, err
	}
	keep, err := s.BackupKeep(ctx)
	if err != nil {
		return BackupFile{}, err
	}
	if err := pruneBackups(s.Path, keep, dest); err != nil {
		return BackupFile{}, err
	}
	st, err := os.Stat(dest)
	if err != nil {
		return BackupFile{}, err
	}
	return BackupFile{Path: dest, Time: now, Reason: reason, Size: st.Size()}, nil
}

// isEmpty: no customer and no import journal.
func (s *Store) isEmpty(ctx context.Context) (bool, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM imports)`).Scan(&n)
	if err != nil {
		// Before the migrations that make these tables, there is data to
		// keep: back it up.
		return false, nil
	}
	return n == 0, nil
}

// BackupKeep is how many backups are kept.
func (s *Store) BackupKeep(ctx context.Context) (int, error) {
	var v string
	err := s.read.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, settingBackupKeep).Scan(&v)
	if err != nil {
		return DefaultBackupKeep, nil // no setting, or no settings table yet
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return DefaultBackupKeep, nil
	}
	return n, nil
}

// SetBackupKeep sets how many backups are kept (at least 1).
func (s *Store) SetBackupKeep(ctx context.Context, n int) error {
	return s.Update(ctx, func(tx *Tx) error { return tx.SetBackupKeep(ctx, n) })
}

// SetBackupKeep is Store.SetBackupKeep inside a transaction.
func (t *Tx) SetBackupKeep(ctx context.Context, n int) error {
	if n < 1 || n > 1000 {
		return errBackupKeep
	}
	return t.SetSetting(ctx, settingBackupKeep, strconv.Itoa(n))
}

// Backups lists the backups of the database at dbPath, newest first.
func Backups(dbPath string) ([]BackupFile, error) {
	dir := BackupDir(dbPath)
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	base := strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath)) + "-"
	var out []BackupFile
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, base) || !strings.HasSuffix(name, ".db") {
			continue
		}
		rest := strings.TrimSuffix(strings.TrimPrefix(name, base), ".db")
		if len(rest) < len(backupStamp)+1 {
			continue
		}
		t, err := time.ParseInLocation(backupStamp, rest[:len(backupStamp)], time.Local)
		if err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		reason, seq := strings.TrimPrefix(rest[len(backupStamp):], "-"), 1
		if i := strings.LastIndexByte(reason, '-'); i > 0 {
			if n, err := strconv.Atoi(reason[i+1:]); err == nil {
				reason, seq = reason[:i], n // a second backup in the same second
			}
		}
		out = append(out, BackupFile{Path: filepath.Join(dir, name), Time: t, Reason: reason, Size: info.Size(), seq: seq})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Time.Equal(out[j].Time) {
			return out[i].Time.After(out[j].Time)
		}
		return out[i].seq > out[j].seq
	})
	return out, nil
}

// pruneBackups removes the oldest backups of dbPath beyond keep, never
// the one just made (latest).
func pruneBackups(dbPath string, keep int, latest string) error {
	list, err := Backups(dbPath)
	if err != nil {
		return err
	}
	removeStaleTemporaries(dbPath)
	kept := 1 // latest
	for _, b := range list {
		if b.Path == latest {
			continue
		}
		if kept < keep {
			kept++
			continue
		}
		if err := os.Remove(b.Path); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}

var errBackupKeep = &domain.Error{Code: "backup_keep", Message: domain.Message{
	FR: "Le nombre de sauvegardes gardées va de 1 à 1000.",
	EN: "The number of backups kept goes from 1 to 1000."}}

// RestoreBackup replaces the database at dbPath, which must be closed, with
// the backup at file. The backup must be a Carnet database this version
// can open; the current file is backed up first (reason "restauration").
// The copy goes through a temporary file renamed at the end.
func RestoreBackup(ctx context.Context, dbPath, file string) (saved BackupFile, err error) {
	if abs(file) == abs(dbPath) {
		return BackupFile{}, errRestoreSelf
	}
	if err := checkBackupFile(ctx, file); err != nil {
		return BackupFile{}, err
	}
	if fileExists(dbPath) {
		cur, err := OpenReadOnly(dbPath)
		if err != nil {
			return BackupFile{}, err
		}
		saved, err = cur.AutoBackup(ctx, ReasonRestore)
		cur.Close()
		if err != nil {
			return BackupFile{}, err
		}
	}
	tmp := dbPath + ".restore.tmp"
	if err := copyFile(file, tmp); err != nil {
		_ = os.Remove(tmp)
		return saved, err
	}
	for _, side := range []string{"-wal", "-shm"} {
		if err := os.Remove(dbPath + side); err != nil && !os.IsNotExist(err) {
			_ = os.Remove(tmp)
			return saved, err
		}
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		_ = os.Remove(tmp)
		return saved, err
	}
	return saved, nil
}

var errRestoreSelf = &domain.Error{Code: "restore_self", Message: domain.Message{
	FR: "Ce fichier est la base de clients ouverte elle-même : choisissez une sauvegarde.",
	EN: "This file is the open customer database itself: choose a backup."}}

// checkBackupFile refuses what is not a Carnet database this version can
// open and write.
func checkBackupFile(ctx context.Context, file string) error {
	b, err := OpenReadOnly(file)
	if err != nil {
		return err
	}
	defer b.Close()
	v, err := b.SchemaVersion(ctx)
	if err != nil {
		return mapError(err)
	}
	latest, err := LatestSchema()
	if err != nil {
		return err
	}
	if v > latest {
		return ErrNewerDatabase(v, latest)
	}
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func abs(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return filepath.Clean(a)
	}
	return filepath.Clean(p)
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// staleTemporaryAge is how old a backup's temporary file must be to be
// left by a process that was killed while writing it; a younger one may be
// another process's backup in progress (the command line beside the
// window).
const staleTemporaryAge = time.Hour

// removeStaleTemporaries removes the half-written backups (name.db.tmp and
// its journal) that a process killed during a backup left behind: each
// carries its own time in its name, so nothing else would ever remove them.
func removeStaleTemporaries(dbPath string) {
	dir := BackupDir(dbPath)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	base := strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath)) + "-"
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, base) || !strings.Contains(name, ".db.tmp") {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleTemporaryAge {
			_ = os.Remove(filepath.Join(dir, name))
		}
	}
}
