io.github.forgemaven.testing.It.setUpRelease(context) { registry ->
    registry.faults().storeAssetUploadThenAnswer(1, 504)
}
