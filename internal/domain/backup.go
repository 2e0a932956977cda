package domain

import "time"

// Backup is a copy of the customer file kept beside it, made before an
// import, an undo, a sync, a migration or a restore, or on demand.
type Backup struct {
	Path   string    `json:"path"`
	Time   time.Time `json:"time"`
	Reason string    `json:"reason"` // one of the Backup* reasons
	Size   int64     `json:"size"`   // bytes
}

// Why a backup was made; the words are part of its file name.
const (
	BackupManual    = "manuelle"
	BackupImport    = "avant-import"
	BackupUndo      = "avant-annulation"
	BackupSync      = "avant-synchronisation"
	BackupMigration = "avant-mise-a-jour"
	BackupRestore   = "avant-restauration"
)

// BackupReason says why a backup was made, in lang.
func BackupReason(reason, lang string) string {
	m := map[string]Message{
		BackupManual:    {FR: "à la demande", EN: "on demand"},
		BackupImport:    {FR: "avant une importation", EN: "before an import"},
		BackupUndo:      {FR: "avant une annulation", EN: "before an undo"},
		BackupSync:      {FR: "avant une synchronisation", EN: "before a sync"},
		BackupMigration: {FR: "avant une mise à jour", EN: "before an update"},
		BackupRestore:   {FR: "avant une restauration", EN: "before a restore"},
	}[reason]
	if m.FR == "" {
		return reason
	}
	return m.In(lang)
}
