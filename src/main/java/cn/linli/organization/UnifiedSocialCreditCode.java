package cn.linli.organization;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from {@code 0-9A-HJ-NPQRTUWXY} (no I, O, Z, S, V); the
 * last is a check character: 31 - (Σ value(cᵢ)·3ⁱ mod 31) mod 31, for i = 0 … 16.
 */
public final class UnifiedSocialCreditCode {
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = new int[17];

    static {
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            WEIGHTS[i] = weight;
            weight = weight * 3 % 31;
        }
    }

    private UnifiedSocialCreditCode() {
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return code.charAt(17) == checkCharacter(code.substring(0, 17));
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
