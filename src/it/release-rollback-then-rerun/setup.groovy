io.github.forgemaven.testing.It.setUpRelease(context) { registry ->
    registry.faults().failAssetUploads(1, 413)
}
