package cn.linli.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeTest {
    @Test
    void acceptsRealCodes() {
        assertTrue(UnifiedSocialCreditCode.isValid("91110108551385082Q")); // a Beijing company, from its licence
        assertTrue(UnifiedSocialCreditCode.isValid("52990100MJ00000012")); // computed independently (fixtures)
    }

    @Test
    void computesTheCheckCharacter() {
        assertEquals('Q', UnifiedSocialCreditCode.checkCharacter("91110108551385082"));
    }

    @Test
    void refusesWrongCheckCharactersLengthsAndLetters() {
        assertFalse(UnifiedSocialCreditCode.isValid("91110108551385082R"));
        assertFalse(UnifiedSocialCreditCode.isValid("91110108551385082"));
        assertFalse(UnifiedSocialCreditCode.isValid("91110108551385082QQ"));
        assertFalse(UnifiedSocialCreditCode.isValid("9111010855138508IQ"), "I is not in the alphabet");
        assertFalse(UnifiedSocialCreditCode.isValid("91110108551385082q"), "lower case is not allowed");
        assertFalse(UnifiedSocialCreditCode.isValid(null));
    }
}
