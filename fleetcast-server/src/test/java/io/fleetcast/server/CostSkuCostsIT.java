package io.fleetcast.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The Cost & Budgets page's owned-SKU card in real headless Chromium, on a server given the sites' rates over {@link
 * CostSkuCostsApiTest}'s store: shown for the whole fleet with the API's rows and figures, hidden for an org.
 */
class CostSkuCostsIT {
    @TempDir
    Path folder;

    @Test
    void theFleetViewListsEachOwnedSkusCostPerCore() throws IOException {
        Path rates = CostSkuCostsApiTest.writeSiteRates(folder);
        try (TestServer server = TestServer.start(
                        CostSkuCostsApiTest.appWithOwnedServers(folder),
                        ServerConfig.local(0).withSiteRates(rates));
                TestBrowser browser = TestBrowser.start(folder, "cost-skus")) {
            JsonNode skus = server.json("/api/cost").get("sku_costs");
            List<String> expected = new ArrayList<>();
            skus.forEach(sku ->
                    expected.add(sku.get("site").asText() + "/" + sku.get("sku").asText()));
            assertThat(expected).isNotEmpty();

            browser.driver().get(server.uri().resolve("cost.html").toString());
            browser.waitForView("");
            browser.assertNoErrors();
            assertThat(browser.find("#skus-card").isDisplayed()).isTrue();
            assertThat(browser.driver().findElements(By.cssSelector("#skus-table tbody tr[data-key]")).stream()
                            .map(row -> row.getAttribute("data-key"))
                            .toList())
                    .containsExactlyElementsOf(expected);
            for (JsonNode sku : skus) {
                String row = "#skus-table tr[data-key='" + sku.get("site").asText() + "/"
                        + sku.get("sku").asText() + "'] ";
                assertThat(Double.parseDouble(String.valueOf(browser.find(row + "[data-field=cost_per_core_month]")
                                .getAttribute("data-value"))))
                        .isEqualTo(sku.get("cost_per_core_month").asDouble());
                assertThat(browser.text(row + "td:nth-of-type(3)"))
                        .isEqualTo(String.valueOf(sku.get("servers").asInt()));
                assertThat(browser.find(row.trim()).getAttribute("title"))
                        .isEqualTo(sku.get("explanation").asText());
            }
            browser.script("document.getElementById('skus-card').scrollIntoView();");
            browser.screenshot("cost-skus.png");

            // An org's view is not the fleet's: the fleet-wide card is hidden.
            browser.find("#orgs-table tbody tr[data-key] th a").click();
            browser.waitForViewContaining("?org=");
            browser.assertNoErrors();
            assertThat(browser.find("#skus-card").isDisplayed()).isFalse();
        }
    }
}
