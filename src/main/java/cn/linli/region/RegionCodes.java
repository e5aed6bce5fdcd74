package cn.linli.region;

/**
 * The 统计用区划代码 (12 digits: 6 for the county-level district, 3 for the street or town, 3 for the community or
 * village) as Linli stores them: a district by its 6 digits (620103), a street by its 9 (620103001), a community
 * by all 12 (620103001001), a grid by its community's 12 followed by 1 to 6 digits of its own. Both the 12-digit
 * form (620103000000, 620103001000) and the stored one are read.
 */
public final class RegionCodes {
    private RegionCodes() {
    }

    /** A code as stored with the level its pattern says, or null when it is no region code of Linli's levels. */
    public record Parsed(String code, RegionLevel level) {
        /** The code of the region this one belongs to, by the scheme (null for a district). */
        public String parentCode() {
            return switch (level) {
                case DISTRICT -> null;
                case STREET -> code.substring(0, 6);
                case COMMUNITY -> code.substring(0, 9);
                case GRID -> code.substring(0, 12);
            };
        }
    }

    public static Parsed parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        String code = text;
        if (code.length() == 12 && code.endsWith("000000")) {
            code = code.substring(0, 6);
        } else if (code.length() == 12 && code.endsWith("000")) {
            code = code.substring(0, 9);
        }
        RegionLevel level = switch (code.length()) {
            case 6 -> RegionLevel.DISTRICT;
            case 9 -> RegionLevel.STREET;
            case 12 -> RegionLevel.COMMUNITY;
            case 13, 14, 15, 16, 17, 18 -> RegionLevel.GRID;
            default -> null;
        };
        if (level == null || code.startsWith("00") || code.substring(2, 6).equals("0000")) {
            return null; // a province (620000): above Linli's tree
        }
        if (code.length() >= 9 && code.substring(6, 9).equals("000") || code.length() >= 12 && code.substring(9, 12).equals("000")) {
            return null;
        }
        return new Parsed(code, level);
    }
}
