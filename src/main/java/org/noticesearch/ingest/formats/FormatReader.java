package org.noticesearch.ingest.formats;

import org.noticesearch.ingest.NoticeParseException;

/** Takes the text, with its paragraph structure, out of the bytes of one file of a given format. */
interface FormatReader {
    /**
     * @throws NoticeParseException naming the reason the file cannot be read (encrypted, corrupt, scanned ...)
     * @throws Exception anything else a library throws; {@link FormatReaders} reports it as a corrupt file
     */
    Extraction read(String source, byte[] bytes) throws Exception;
}
