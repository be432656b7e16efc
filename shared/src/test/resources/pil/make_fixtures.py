"""Regenerates the PIL reference images in this folder (run with Pillow 9.4.0 + numpy).

Each <name>.<ext> is an image in some PIL mode; <name>.rgb.npy is what
Image.open(...).convert("RGB") gives for it ([H, W, 3] uint8). resize_*.png are random RGB
images and resize_*.WxH.npy their Image.resize((W, H), Image.BICUBIC). The two CMYK JPEGs come
from PIL (cmyk.jpg, Adobe transform 0) and from Java's JPEG writer (ycck.jpg, Adobe transform 2,
see PillowRgbConversionTest), both decoded here by PIL/libjpeg.
"""
import io
import numpy as np
from PIL import Image

rng = np.random.default_rng(7)
W, H = 7, 5


def save(im, name, **kw):
    im.save(name, **kw)
    np.save(name.rsplit(".", 1)[0] + ".rgb.npy", np.asarray(Image.open(name).convert("RGB")))


rgba = rng.integers(0, 256, (H, W, 4), dtype=np.uint8)
rgba[0, 0, 3] = 0
save(Image.fromarray(rgba, "RGBA"), "rgba.png")
save(Image.fromarray(rgba[:, :, :3], "RGB").convert("L"), "grey.png")
la = Image.fromarray(rgba[:, :, :2].copy(), "LA")
save(la, "grey_alpha.png")
pal = Image.fromarray(rgba[:, :, :3], "RGB").convert("P", palette=Image.ADAPTIVE, colors=16)
save(pal, "palette.png")
pal.info["transparency"] = 3
save(pal, "palette_transparent.png", transparency=3)
save(pal, "palette_gif.gif")
save(Image.fromarray(rgba[:, :, :3], "RGB"), "bmp24.bmp")
g16 = rng.integers(0, 1024, (H, W), dtype=np.uint16)
save(Image.fromarray(g16), "grey16.png")
save(Image.fromarray(rgba[:, :, :3], "RGB").convert("1"), "bilevel.png")
cmyk = Image.fromarray(rgba, "CMYK")
save(cmyk, "cmyk.jpg", quality=95)
np.save("ycck.rgb.npy", np.asarray(Image.open("ycck.jpg").convert("RGB")))

for (w, h), (tw, th) in [((37, 23), (15, 40)), ((200, 150), (61, 47)), ((50, 50), (83, 50)),
                         ((64, 48), (64, 21)), ((31, 29), (31, 29))]:
    arr = rng.integers(0, 256, (h, w, 3), dtype=np.uint8)
    arr[: h // 2, : w // 2] = 255
    arr[h // 2 :, w // 2 :] = 0
    name = f"resize_{w}x{h}"
    Image.fromarray(arr, "RGB").save(name + ".png")
    np.save(f"{name}.{tw}x{th}.npy", np.asarray(Image.open(name + ".png").resize((tw, th), Image.BICUBIC)))
