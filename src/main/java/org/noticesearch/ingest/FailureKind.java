package org.noticesearch.ingest;

/**
 * Why a file was not indexed, as a kind a report can count and a person can read: {@link #label()} is the short plain
 * reason shown publicly (on {@code /health}); the full reason, with any library detail, goes to the log and to the
 * admin-only failure list.
 */
public enum FailureKind {
    /** Over a size limit: bytes on disk, pages, extracted characters, inflated size. */
    TOO_LARGE("文件过大", "too large"),
    /** The file cannot be read from disk: no permission, an I/O error, a broken link, an unreadable folder. */
    UNREADABLE("无法读取", "cannot be read"),
    /** The file is read but its format is damaged, truncated or password-protected. */
    CORRUPT("文件损坏或加密", "corrupt or encrypted"),
    /** A format that is not read (RTF, old WPS, a spreadsheet named .doc ...). */
    UNSUPPORTED_FORMAT("格式不支持", "format not supported"),
    /** Read, but no notice in it: no Chinese text, no title or body, empty. */
    NOT_A_NOTICE("不是公文", "not a notice"),
    /** Reading took longer than the per-file time limit. */
    TIMEOUT("读取超时", "took too long to read"),
    /** Too many parts or too deeply nested to read safely. */
    TOO_COMPLEX("结构过于复杂", "too complex"),
    /** The text's character encoding could not be told, or the bytes are binary. */
    ENCODING("编码无法识别", "unknown text encoding"),
    /** A link that leads out of the corpus folder; it is not followed. */
    OUTSIDE_CORPUS("链接指向语料目录之外", "link leads outside the corpus"),
    /** A folder link that leads back into a folder above it; it is not followed. */
    LOOP("目录链接成环", "folder link loop"),
    /** The id made from the path is already used by another file. */
    DUPLICATE_ID("编号重复", "duplicate id"),
    /** The search cluster refused the document. */
    REJECTED("索引拒收", "refused by the search cluster"),
    /** A fault in the program itself while reading this file. */
    INTERNAL("程序内部错误", "internal error");

    private final String chinese;
    private final String english;

    FailureKind(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    /** The short public reason, Chinese then English: {@code 文件过大 (too large)}. */
    public String label() {
        return chinese + " (" + english + ")";
    }

    /**
     * Whether a file that failed this way is remembered and not read again until it changes. A kind that depends on
     * something other than the file's bytes (permissions, other files, the cluster, a link) is tried again every sync.
     */
    public boolean dependsOnlyOnContent() {
        return switch (this) {
            case TOO_LARGE, CORRUPT, UNSUPPORTED_FORMAT, NOT_A_NOTICE, TIMEOUT, TOO_COMPLEX, ENCODING, INTERNAL -> true;
            case UNREADABLE, OUTSIDE_CORPUS, LOOP, DUPLICATE_ID, REJECTED -> false;
        };
    }
}
