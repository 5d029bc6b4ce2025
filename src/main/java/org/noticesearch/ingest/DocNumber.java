package org.noticesearch.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A 发文字号 split into its parts, with the {@link Form} it is written in. {@code year} and {@code serial} are
 * null for a partial number (agency code alone, or agency and year), which only ever comes from a query.
 * {@code serialText} holds a serial that is not a plain number (the {@code 12-1} of 渝府发〔2020〕12-1号) and is
 * null otherwise.
 */
public record DocNumber(String agency, Integer year, Integer serial, Form form,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String serialText) {

    /**
     * The shape a number is written in. Each form has its own canonical shape, so a number is never rewritten
     * into a form its notice does not use (国家税务总局公告2018年第13号 stays as it is).
     */
    public enum Form {
        /** {@code agency〔YYYY〕N号} in any bracket, space, width, 第 or leading-zero variant; canonical 鲁妇通字〔2020〕6号. */
        SERIAL,
        /**
         * The year in front: {@code 〔YYYY〕agency第N号} (〔1996〕武司字第82号). It is the same serial numbering with the
         * parts in another order, so its canonical form, like the labels of the real numbers, is the standard
         * 武司字〔1996〕82号; the notice's own writing stays in {@code docNumberAsWritten}, and both find it.
         */
        YEAR_FIRST,
        /**
         * {@code agencyYYYY年第N号}, the numbering of 公告 (国家税务总局公告2018年第13号) and of some 令
         * (上海市人民政府令2018年第8号); canonical as written, with 年第, ASCII digits, no spaces or leading zeros.
         * The agency is everything before the year, 公告 or 令 included.
         */
        ANNOUNCEMENT,
        /**
         * A 令 numbered across years: {@code agency令第N号} (国令第707号, 公安部令第88号), canonical as such; with a
         * bracketed year ({@code 令〔YYYY〕第N号}) it is written like a serial, 农业部令〔2004〕38号.
         */
        DECREE,
        /**
         * {@code agency〔YYYY〕serial号} whose serial is not a plain number (渝府发〔2020〕12-1号): agency and year are
         * structured, the serial is kept as written in {@code serialText}.
         */
        VERBATIM
    }

    public DocNumber {
        Objects.requireNonNull(agency, "agency");
        if (form == null) {
            form = Form.SERIAL; // records stored before numbers had a form were all serials
        }
        if (form == Form.VERBATIM && (year == null || serialText == null || serial != null)) {
            throw new IllegalArgumentException("a VERBATIM number has a year and a serialText, and no numeric serial");
        }
        if (form != Form.VERBATIM && serialText != null) {
            throw new IllegalArgumentException("serialText is only for VERBATIM numbers");
        }
    }

    /** A {@link Form#SERIAL} number (or partial number from a query). */
    public DocNumber(String agency, Integer year, Integer serial) {
        this(agency, year, serial, Form.SERIAL, null);
    }

    /** The canonical form, in the number's own shape (see {@link Form}), or the prefix of it that the parts allow. */
    public String canonical() {
        StringBuilder sb = new StringBuilder(agency);
        switch (form) {
            case ANNOUNCEMENT -> {
                if (year != null) {
                    sb.append(year).append('年');
                    if (serial != null) {
                        sb.append('第').append(serial).append('号');
                    }
                }
            }
            case DECREE -> {
                if (year != null) {
                    sb.append('〔').append(year).append('〕');
                    if (serial != null) {
                        sb.append(serial).append('号');
                    }
                } else if (serial != null) {
                    sb.append('第').append(serial).append('号');
                }
            }
            case VERBATIM -> sb.append('〔').append(year).append('〕').append(serialText).append('号');
            default -> {
                if (year != null) {
                    sb.append('〔').append(year).append('〕');
                    if (serial != null) {
                        sb.append(serial).append('号');
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * The number in its form's own order: 〔1996〕武司字第82号 for a {@link Form#YEAR_FIRST} number, the same as
     * {@link #canonical()} for every other form. Used to highlight the number where a notice cites it.
     */
    @JsonIgnore
    public String written() {
        if (form == Form.YEAR_FIRST && year != null) {
            return "〔" + year + "〕" + agency + (serial == null ? "" : "第" + serial + "号");
        }
        return canonical();
    }

    /**
     * The series this number belongs to, for partial-number lookups: agency + 〔YYYY〕 (鲁妇通字〔2020〕) for the
     * bracketed forms, agency + YYYY年 (国家税务总局公告2018年) for announcements, and the agency alone for a
     * decree numbered across years (国令) or a number without a year.
     */
    @JsonIgnore
    public String series() {
        return new DocNumber(agency, year, null, form == Form.VERBATIM ? Form.SERIAL : form, null).canonical();
    }
}
