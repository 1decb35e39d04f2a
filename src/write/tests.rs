use super::*;

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".charter-"))
        .collect()
}

#[test]
fn writes_a_new_file_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    write_new(&path, b"one", false).unwrap();
    assert!(matches!(
        write_new(&path, b"two", false),
        Err(WriteError::Exists(_))
    ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "one");
    write_new(&path, b"three", true).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "three");
    assert!(leftovers(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn force_keeps_the_mode_and_new_files_are_not_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    write_new(&path, b"one", false).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_ne!(mode & 0o044, 0, "new file is readable by others: {mode:o}");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    write_new(&path, b"two", true).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[cfg(unix)]
#[test]
fn a_dangling_symlink_counts_as_existing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &path).unwrap();
    assert!(matches!(
        write_new(&path, b"x", false),
        Err(WriteError::Exists(_))
    ));
    assert!(!dir.path().join("nowhere").exists());
}

#[test]
fn a_directory_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        write_new(dir.path(), b"x", true),
        Err(WriteError::IsDir(_))
    ));
}

#[test]
fn a_missing_folder_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/a.md");
    assert!(matches!(
        write_new(&path, b"x", false),
        Err(WriteError::Io { .. })
    ));
}

#[test]
fn an_unchanged_file_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    std::fs::write(&path, "\u{feff}one").unwrap();
    let read = Stamp::of(&path).unwrap().with_text("one");
    replace_unchanged(&path, b"two", &read).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
}

#[test]
fn a_file_edited_since_it_was_read_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    std::fs::write(&path, "one").unwrap();
    let read = Stamp::of(&path).unwrap().with_text("one");
    let was = std::fs::metadata(&path).unwrap().modified().unwrap();
    // Same length and modification time (an edit within the clock's resolution):
    // only the content tells.
    std::fs::write(&path, "ONE").unwrap();
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(was).unwrap();
    assert!(matches!(
        replace_unchanged(&path, b"two", &read),
        Err(WriteError::Changed(_))
    ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "ONE");
    // A longer edit changes the length.
    std::fs::write(&path, "one, and more").unwrap();
    assert!(matches!(
        replace_unchanged(&path, b"two", &read),
        Err(WriteError::Changed(_))
    ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "one, and more");
    assert!(leftovers(dir.path()).is_empty());
}
