package org.pyeongga.voting.portal.web;

import java.util.List;
import java.util.Locale;

/**
 * The 시군구 a tester may pick on the 개발용 identity check (a real 본인확인 provider returns no address; a residence
 * check would supply it). 10-digit 법정동 codes of the demo's local governments, so REGION ballots (prefix
 * {@code 44180} for 보령시) can be tried as a resident and as an outsider.
 */
final class Residences {

    record Residence(String code, String nameKo, String nameEn) {

        String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameKo;
        }
    }

    static final List<Residence> DEVELOPMENT_CHOICES = List.of(
            new Residence("4418000000", "충청남도 보령시", "Boryeong-si, Chungcheongnam-do"),
            new Residence("4423000000", "충청남도 논산시", "Nonsan-si, Chungcheongnam-do"),
            new Residence("4415000000", "충청남도 공주시", "Gongju-si, Chungcheongnam-do"),
            new Residence("4413000000", "충청남도 천안시", "Cheonan-si, Chungcheongnam-do"),
            new Residence("5213000000", "전북특별자치도 군산시", "Gunsan-si, Jeonbuk State"),
            new Residence("1111000000", "서울특별시 종로구", "Jongno-gu, Seoul"));

    private Residences() {
    }

    /** True for a code the 개발용 form offers (anything else is refused rather than passed on). */
    static boolean offered(String code) {
        return DEVELOPMENT_CHOICES.stream().anyMatch(r -> r.code().equals(code));
    }
}
