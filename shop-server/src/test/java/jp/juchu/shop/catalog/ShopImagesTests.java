package jp.juchu.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import jp.juchu.shop.apikeys.ApiKeys;
import jp.juchu.shop.apikeys.IssuedKeys;
import jp.juchu.shop.shops.Shops;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** 画像管理: uploads checked by content and size, listed over the API with the key, served per shop only. */
@SpringBootTest
@AutoConfigureMockMvc
class ShopImagesTests {

    private static final AtomicInteger SHOPS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    Catalog catalog;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    ShopImages images;

    String shopId;
    IssuedKeys keys;

    @BeforeEach
    void openShop() {
        shopId = "images" + SHOPS.incrementAndGet();
        shops.open(shopId, "画像テスト店", "password-1");
        keys = apiKeys.issue(shopId);
        catalog.create(
                shopId,
                new ProductDraft("cup-1", "湯呑み", 2200, 10, false, 5, true, null, List.of(), Map.of("", 5), List.of()));
    }

    private RequestPostProcessor merchant() {
        return user(shopId).roles("MERCHANT");
    }

    static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((shopId + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    private ShopImage uploadPng() throws Exception {
        mvc.perform(multipart("/admin/images")
                        .file(new MockMultipartFile("file", "湯呑み 正面.png", "image/png", png(3, 2)))
                        .param("itemCode", "cup-1")
                        .with(merchant())
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/images?item=cup-1"));
        return images.list(shopId, 0, 10).get(0);
    }

    @Test
    void anUploadedPngIsShownOnTheProductPageAndServedWithItsTypeNosniffAndCaching() throws Exception {
        ShopImage image = uploadPng();
        assertThat(image.name()).isEqualTo("湯呑み_正面.png");
        assertThat(image.width()).isEqualTo(3);
        assertThat(image.height()).isEqualTo(2);
        assertThat(image.itemCode()).isEqualTo("cup-1");

        String page = mvc.perform(get("/shops/" + shopId + "/items/cup-1"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String src = Jsoup.parse(page).select("[data-testid=item-image]").attr("src");
        assertThat(src).isEqualTo(image.path());

        String form = mvc.perform(get("/admin/products/cup-1").with(merchant()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(form).select("[data-testid=product-images] img").attr("src"))
                .isEqualTo(image.path());

        mvc.perform(get(java.net.URI.create(src)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cache-Control", "max-age=86400, public"))
                .andExpect(content().bytes(png(3, 2)));
    }

    @Test
    void aTextFileNamedLikeAnImageIsRefusedAndNothingIsStored() throws Exception {
        String page = mvc.perform(multipart("/admin/images")
                        .file(new MockMultipartFile(
                                "file", "photo.jpg", "image/jpeg", "<script>alert(1)</script>".getBytes()))
                        .with(merchant())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(page).select("[data-testid=image-error]").text())
                .contains("JPEG・PNG・GIF・WebP の画像だけを登録できます");
        assertThat(images.count(shopId)).isZero();
    }

    @Test
    void anImageOverFiveMegabytesIsRefusedWithTheLimit() throws Exception {
        byte[] big = new byte[ShopImages.MAX_BYTES + 1];
        System.arraycopy(png(3, 2), 0, big, 0, 8);
        String page = mvc.perform(multipart("/admin/images")
                        .file(new MockMultipartFile("file", "big.png", "image/png", big))
                        .with(merchant())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(page).select("[data-testid=image-error]").text()).contains("画像は1枚5MBまでです");
        assertThat(images.count(shopId)).isZero();
    }

    @Test
    void anUnknownItemCodeOrAMissingCsrfTokenStoresNothing() throws Exception {
        String page = mvc.perform(multipart("/admin/images")
                        .file(new MockMultipartFile("file", "a.png", "image/png", png(1, 1)))
                        .param("itemCode", "no-such")
                        .with(merchant())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(page).select("[data-testid=image-error]").text()).contains("商品コード no-such の商品がありません");
        mvc.perform(multipart("/admin/images")
                        .file(new MockMultipartFile("file", "a.png", "image/png", png(1, 1)))
                        .with(merchant()))
                .andExpect(status().isForbidden());
        assertThat(images.count(shopId)).isZero();
    }

    @Test
    void theManagementApiListsTheImagesWithTheManagerKeyOnly() throws Exception {
        ShopImage image = uploadPng();
        mvc.perform(get("/api/management/v2/images")
                        .param("size", "10")
                        .header("Authorization", basic(keys.managerKey())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total_count").value(1))
                .andExpect(jsonPath("$.size").value(10))
                .andExpect(jsonPath("$.images[0].name").value("湯呑み_正面.png"))
                .andExpect(jsonPath("$.images[0].url").value(image.path()))
                .andExpect(jsonPath("$.images[0].file_size").value(png(3, 2).length))
                .andExpect(jsonPath("$.images[0].width").value(3))
                .andExpect(jsonPath("$.images[0].height").value(2))
                .andExpect(jsonPath("$.images[0].item_code").value("cup-1"));
        mvc.perform(get("/api/management/v2/images")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/management/v2/images").header("Authorization", basic(keys.openKey())))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/management/v2/images")
                        .param("size", "101")
                        .header("Authorization", basic(keys.managerKey())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void anotherShopCanNeitherReadNorListNorDeleteTheImages() throws Exception {
        ShopImage image = uploadPng();
        String other = shopId + "x";
        shops.open(other, "別の店", "password-1");
        IssuedKeys otherKeys = apiKeys.issue(other);

        mvc.perform(get("/shops/" + other + "/images/" + image.id())).andExpect(status().isNotFound());
        mvc.perform(get("/shops/" + shopId + "/images/not-a-uuid")).andExpect(status().isNotFound());
        mvc.perform(get("/api/management/v2/images")
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString((other + ":" + otherKeys.managerKey())
                                                        .getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total_count").value(0));
        mvc.perform(post("/admin/images/" + image.id() + "/delete")
                        .with(user(other).roles("MERCHANT"))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(images.count(shopId)).isEqualTo(1);

        mvc.perform(post("/admin/images/" + image.id() + "/delete")
                        .with(merchant())
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/images"));
        assertThat(images.count(shopId)).isZero();
        mvc.perform(get(java.net.URI.create(image.path()))).andExpect(status().isNotFound());
    }

    @Test
    void namesLoseTheirDirectoriesAndSpecialCharactersAndTakeTheDetectedExtension() {
        assertThat(ShopImages.safeName("../../etc/pass wd<script>.exe", ImageType.PNG))
                .isEqualTo("pass_wd_script_.png");
        assertThat(ShopImages.safeName("C:\\Users\\a\\写真.JPG", ImageType.JPEG)).isEqualTo("写真.jpg");
        assertThat(ShopImages.safeName("..", ImageType.GIF)).isEqualTo("image.gif");
        assertThat(ShopImages.safeName("a".repeat(300) + ".webp", ImageType.WEBP))
                .hasSize(100);
        assertThat(ImageType.of("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)))
                .contains(ImageType.WEBP);
        assertThat(ImageType.of("GIF89a".getBytes(StandardCharsets.ISO_8859_1))).contains(ImageType.GIF);
    }
}
