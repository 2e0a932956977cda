package service

import (
	"context"
	"strconv"

	"carnet/internal/domain"
	"carnet/internal/store"
)

func backupOf(b store.BackupFile) domain.Backup {
	return domain.Backup{Path: b.Path, Time: b.Time, Reason: b.Reason, Size: b.Size}
}

// Backup writes a backup of the customer file now, in the sauvegardes
// folder beside it.
func (s *Service) Backup(ctx context.Context) (domain.Backup, error) {
	b, err := s.Store.AutoBackup(ctx, store.ReasonManual)
	return backupOf(b), err
}

// BackupTo writes a consistent copy of the customer file to dest.
func (s *Service) BackupTo(ctx context.Context, dest string) error {
	return s.Store.BackupTo(ctx, dest)
}

// BackupKeep is how many backups are kept.
func (s *Service) BackupKeep(ctx context.Context) (int, error) {
	return s.Store.BackupKeep(ctx)
}

// SetBackupKeep sets how many backups are kept (a setting: when operators
// are on, only who may change the settings), journaled, in one transaction.
func (s *Service) SetBackupKeep(ctx context.Context, n int) error {
	return s.Store.Update(ctx, func(tx *store.Tx) error {
		if err := s.requireTx(ctx, tx, domain.PermSettings); err != nil {
			return err
		}
		if err := tx.SetBackupKeep(ctx, n); err != nil {
			return err
		}
		return s.Record(ctx, tx, domain.JournalSettings, "backup_keep", strconv.Itoa(n))
	})
}

// BackupFolder is where the backups of the database at dbPath are kept.
func BackupFolder(dbPath string) string { return store.BackupDir(dbPath) }

// Backups lists the backups of the database at dbPath, newest first.
func Backups(dbPath string) ([]domain.Backup, error) {
	list, err := store.Backups(dbPath)
	out := make([]domain.Backup, len(list))
	for i, b := range list {
		out[i] = backupOf(b)
	}
	return out, err
}

// Restore puts the backup at file in place of the database at dbPath,
// which must be closed, after backing up the current one (returned).
func Restore(ctx context.Context, dbPath, file string) (domain.Backup, error) {
	b, err := store.RestoreBackup(ctx, dbPath, file)
	return backupOf(b), err
}
